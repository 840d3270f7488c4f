import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { maskName, maskPhone, type Pii } from '../core/pii.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { account } from '../db/schema/accounts.ts';
import { body, bodyMember } from '../db/schema/bodies.ts';
import { charter, charterComment, charterVersion, mediationCase, mediationParty, mediationSession, resolution } from '../db/schema/deliberation.ts';
import { demand, demandCategory, demandLink } from '../db/schema/demands.ts';
import { territory } from '../db/schema/territory.ts';
import { recordStep } from '../modules/demands/events.ts';
import { caseNo } from '../modules/mediation/rules.ts';
import { idsOfPath } from '../modules/territory/rules.ts';

const LONGTAN = '310117001001';
const DAY = 86_400_000;
const ago = (d: number) => new Date(Date.now() - d * DAY);

const V1 = `第一条 为建设和谐、文明、整洁的龙潭社区，根据有关法律法规，结合本社区实际，制定本公约。
第二条 居民应当爱护公共设施，不得乱扔垃圾。
第三条 邻里之间互相尊重，发生矛盾先协商，协商不成可请社区调解。
第四条 车辆按规定停放，不占用消防通道。
第五条 本公约经居民会议通过后施行。
`;
const V2 = `第一条 为建设和谐、文明、整洁的龙潭社区，根据有关法律法规，结合本社区实际，制定本公约。
第二条 居民应当爱护公共绿地和设施，做好垃圾分类，不得高空抛物。
第三条 邻里之间互相尊重，发生矛盾先协商，协商不成可请社区“老娘舅”调解。
第四条 车辆按规定停放，不占用消防通道；电动自行车不得进楼道充电。
第五条 文明养犬，出门牵绳，及时清理犬只粪便。
第六条 本公约经居民会议通过后施行。
`;

/**
 * 龙潭社区's 居民自治公约 with version 1 in force and version 2 out for comment, one mediation case
 * agreed and signed, one in mediation that came in as a neighbour-dispute demand.
 */
export async function loadChartersMediationDemo(db: Db, pii: Pii) {
  const [community] = await db.select().from(territory).where(eq(territory.code, LONGTAN));
  if (!community) return;
  const districtId = idsOfPath(community.path)[0]!;
  const accounts = await db.select({ id: account.id, username: account.username }).from(account).where(inArray(account.username, ['demo-secretary', 'demo-resident', 'demo-grid']));
  const who = (u: string) => accounts.find((a) => a.username === u)?.id ?? null;

  const [c] = await db.insert(charter).values({
    districtId, territoryId: community.id, path: community.path, kind: 'convention', title: '龙潭社区居民自治公约', createdBy: who('demo-secretary'), createdAt: ago(400),
  }).returning();
  const [adoptedBy] = await db.select({ id: resolution.id }).from(resolution).where(eq(resolution.territoryId, community.id)).limit(1);
  await db.insert(charterVersion).values({
    charterId: c!.id, version: 1, text: V1, state: 'published', adoptedByResolutionId: adoptedBy?.id ?? null, adoptedAt: ago(370), publishedAt: ago(365), createdAt: ago(400),
    commentUntil: ago(380), createdBy: who('demo-secretary'),
  });
  const [v2] = await db.insert(charterVersion).values({
    charterId: c!.id, version: 2, text: V2, state: 'commenting', commentUntil: new Date(Date.now() + 10 * DAY), createdAt: ago(5), createdBy: who('demo-secretary'),
  }).returning();
  await db.insert(charterComment).values({ versionId: v2!.id, accountId: who('demo-resident'), authorName: '王*明', text: '建议第五条写明犬只需办理养犬登记证。', createdAt: ago(2) });

  const [mediator] = await db.select({ id: bodyMember.personId }).from(bodyMember).innerJoin(body, eq(body.id, bodyMember.bodyId))
    .where(and(eq(body.territoryId, community.id), eq(bodyMember.position, 'mediator'))).limit(1);
  const [grid] = await db.select().from(territory).where(eq(territory.parentId, community.id)).orderBy(asc(territory.code)).limit(1);
  const place = grid ?? community;
  const serials = rowsOf<{ n: number }>(await db.execute(sql`select nextval('mediation_no_seq')::int as n union all select nextval('mediation_no_seq')::int`)).map((r) => r.n);
  const party = (caseId: string, side: 'applicant' | 'respondent', name: string, phone: string | null, signedAt: Date | null = null) => ({
    caseId, side, nameEnc: pii.encrypt(name), nameMasked: maskName(name), phoneEnc: phone ? pii.encrypt(phone) : null, phoneMasked: phone ? maskPhone(phone) : null, signedAt,
  });

  const [agreed] = await db.insert(mediationCase).values({
    no: caseNo(ago(20).getFullYear(), serials[0]!), districtId, territoryId: place.id, path: place.path, kind: 'neighbour', title: '12号楼楼上渗水纠纷',
    description: '1202 室卫生间渗水至 1102 室顶棚，双方就维修和赔偿协商未果。', mediatorPersonId: mediator?.id ?? null, state: 'agreed',
    agreementText: '一、1202 室业主于十日内修复卫生间防水层；\n二、1202 室业主赔偿 1102 室顶棚粉刷费用 800 元；\n三、双方今后发现渗漏及时告知，互谅互让。',
    agreedAt: ago(12), createdBy: who('demo-grid'), createdAt: ago(20), updatedAt: ago(12),
  }).returning();
  await db.insert(mediationParty).values([party(agreed!.id, 'applicant', '孙丽华', '13761234567', ago(12)), party(agreed!.id, 'respondent', '周建平', '13916547890', ago(12))]);
  await db.insert(mediationSession).values([
    { caseId: agreed!.id, heldAt: ago(18), place: '龙潭居委会调解室', notes: '双方陈述，共同查看渗水点，确认为 1202 卫生间防水层老化。', accountId: who('demo-grid') },
    { caseId: agreed!.id, heldAt: ago(12), place: '龙潭居委会调解室', notes: '就维修时间和赔偿金额达成一致，当场签字。', accountId: who('demo-grid') },
  ]);

  const [category] = await db.select({ id: demandCategory.id }).from(demandCategory).where(and(eq(demandCategory.districtId, districtId), eq(demandCategory.code, 'neighbour-dispute')));
  const [source] = category
    ? await db.select({ id: demand.id, no: demand.no }).from(demand).where(and(eq(demand.categoryId, category.id), sql`${demand.path} like ${`${community.path}%`}`)).limit(1)
    : [];
  const [ongoing] = await db.insert(mediationCase).values({
    no: caseNo(new Date().getFullYear(), serials[1]!), districtId, territoryId: place.id, path: place.path, kind: 'neighbour', title: '广场舞噪音扰民',
    description: '晚间广场舞音响音量过大，临近 3 号楼居民休息受影响。', demandId: source?.id ?? null, mediatorPersonId: mediator?.id ?? null,
    state: 'in_mediation', createdBy: who('demo-secretary'), createdAt: ago(4), updatedAt: ago(2),
  }).returning();
  await db.insert(mediationParty).values([party(ongoing!.id, 'applicant', '钱志刚', '13801112233'), party(ongoing!.id, 'respondent', '吴美娟', null)]);
  await db.insert(mediationSession).values({ caseId: ongoing!.id, heldAt: ago(2), place: '社区广场', notes: '听取双方意见，舞队同意先将音量调低，结束时间另行商定。', accountId: who('demo-secretary') });
  if (source) {
    await db.insert(demandLink).values({ demandId: source.id, targetType: 'mediation_case', targetId: ongoing!.id, note: ongoing!.no, createdBy: who('demo-secretary') });
    await recordStep(db, source.id, { system: '演示数据' }, { action: 'link', note: ongoing!.no, data: { targetType: 'mediation_case', targetId: ongoing!.id }, at: ago(4) });
  }
}
