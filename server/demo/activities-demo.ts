import { and, eq, inArray, like } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { account } from '../db/schema/accounts.ts';
import { body } from '../db/schema/bodies.ts';
import { person } from '../db/schema/people.ts';
import { territory } from '../db/schema/territory.ts';
import { awardPoints } from '../modules/points/award.ts';
import { makeBody, makeMember } from './factories.ts';
import { makeActivity, makeService, makeSignup, makeWish } from './member-factories.ts';

const LONGTAN = '310117001001';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const loader = { system: 'demo-loader' };

/**
 * The resident unit of 龙潭社区 gets its own party branch, with demo-unit's person as its liaison,
 * so the liaison can register the branch with the street or the community (组织报到).
 */
async function unitPartyBranch(db: Db, community: typeof territory.$inferSelect, liaisonId: string | null | undefined) {
  const [unit] = await db.select().from(body).where(and(eq(body.territoryId, community.id), eq(body.kind, 'resident_unit')));
  if (!unit || !liaisonId) return;
  const branch = await makeBody(db, community, 'party_branch', `中共${unit.name}支部委员会`);
  await makeMember(db, branch.id, liaisonId, 'liaison');
}

/**
 * 龙潭社区's catalogue, activities and wishes: one activity under way now, so a visitor can show a
 * venue code and scan it as demo-member; wishes in every state, one waiting for demo-resident.
 */
export async function loadActivitiesDemo(db: Db) {
  const [community] = await db.select().from(territory).where(eq(territory.code, LONGTAN));
  if (!community) return;
  const people = await db.select({ id: person.id, territoryId: person.territoryId, isPartyMember: person.isPartyMember })
    .from(person).innerJoin(territory, eq(territory.id, person.territoryId)).where(like(territory.path, `${community.path}%`));
  const accounts = await db.select({ username: account.username, personId: account.personId }).from(account)
    .where(inArray(account.username, ['demo-member', 'demo-resident', 'demo-unit']));
  await unitPartyBranch(db, community, accounts.find((a) => a.username === 'demo-unit')?.personId);
  const demoMember = accounts.find((a) => a.username === 'demo-member')?.personId;
  const demoResident = people.find((p) => p.id === accounts.find((a) => a.username === 'demo-resident')?.personId);
  const members = people.filter((p) => p.isPartyMember && p.id !== demoMember);
  const residents = people.filter((p) => !p.isPartyMember && p.id !== demoResident?.id);
  if (!demoMember || !demoResident || members.length < 4 || residents.length < 4) return;

  const haircut = await makeService(db, community, { category: '助老助残', title: '为高龄老人理发', description: '每月一次，上门或在活动室', place: '龙潭社区党群服务站' });
  const legal = await makeService(db, community, { category: '法律服务', title: '法律咨询', description: '在职党员律师坐班答疑', place: '龙潭社区居委会二楼' });
  await makeService(db, community, { category: '环境整治', title: '楼道堆物清理', description: '与物业一起清理楼道杂物', place: '各楼组' });
  await makeService(db, community, { category: '政策宣传', title: '垃圾分类宣传', description: '投放点值守与入户宣传', place: '小区垃圾投放点' });

  const now = Date.now();
  const today = await makeActivity(db, community, {
    kind: 'volunteer', title: '文明创建 · 小区环境清洁日', description: '清理绿化带与公共区域垃圾', place: '龙潭苑中心花园',
    startsAt: new Date(now - 0.5 * HOUR), endsAt: new Date(now + 3.5 * HOUR), cancelDeadline: new Date(now - 2.5 * HOUR), capacity: 20,
  });
  await makeSignup(db, today.id, demoMember);
  for (const m of members.slice(0, 3)) await makeSignup(db, today.id, m.id);
  await makeActivity(db, community, {
    kind: 'service', serviceId: haircut.id, title: haircut.title, place: haircut.place, startsAt: new Date(now + 2 * DAY), capacity: 4,
  });
  await makeActivity(db, community, {
    kind: 'service', serviceId: legal.id, title: legal.title, place: legal.place, startsAt: new Date(now + 3 * DAY), capacity: 6,
  });
  await makeActivity(db, community, {
    kind: 'theme_party_day', title: '主题党日 · 重温入党誓词', description: '在职党员与社区党员共同参加', place: '龙潭社区党群服务站',
    startsAt: new Date(now + 6 * DAY), capacity: 40,
  });

  // An earlier clean-up this month: three members served and earned their hours, so "who is active" has rows.
  const monthStart = Date.parse(`${new Date(now + 8 * HOUR).toISOString().slice(0, 7)}-01T00:00:00+08:00`);
  const earlier = Math.min(Math.max(now - 5 * DAY, monthStart + HOUR), now - 3 * HOUR);
  const past = await makeActivity(db, community, { kind: 'volunteer', title: '楼道堆物清理', startsAt: new Date(earlier), capacity: 10 });
  for (const m of members.slice(0, 3)) {
    await makeSignup(db, past.id, m.id, { state: 'checked_out', checkedInAt: past.startsAt, checkedOutAt: past.endsAt });
    await awardPoints(db, loader, { personId: m.id, ruleCode: 'service_hour', sourceType: 'activity', sourceId: past.id, quantity: 2, note: past.title });
  }

  const [r1, r2, r3, r4] = residents;
  await makeWish(db, demoResident, { title: '想学用智能手机挂号', description: '子女在外地，看病挂号不会用手机', state: 'pending_review' });
  await makeWish(db, r1!, { title: '请人陪同去医院复查', description: '腿脚不便，下周二上午', state: 'open' });
  await makeWish(db, r2!, { title: '给孙子辅导小学数学', description: '每周一次，周末下午', state: 'open' });
  await makeWish(db, r3!, { title: '阳台晾衣架修理', description: '晾衣杆卡住了', state: 'claimed', claimedBy: members[3]!.id, claimedAt: new Date(now - DAY), claimExpiresAt: new Date(now + 6 * DAY) });
  await makeWish(db, demoResident, {
    title: '帮忙搬旧书柜下楼', description: '书柜太重，一个人搬不动', state: 'fulfilled',
    claimedBy: demoMember, claimedAt: new Date(now - 3 * DAY), fulfilledAt: new Date(now - DAY),
  });
  const done = await makeWish(db, r4!, {
    title: '代买降压药', description: '每月一次', state: 'confirmed',
    claimedBy: members[0]!.id, claimedAt: new Date(now - 10 * DAY), fulfilledAt: new Date(now - 9 * DAY), confirmedAt: new Date(now - 8 * DAY),
  });
  await awardPoints(db, loader, { personId: members[0]!.id, ruleCode: 'wish', sourceType: 'wish', sourceId: done.id, note: done.title });
  await makeWish(db, r1!, { title: '修理楼道声控灯', state: 'rejected', reason: '属于物业报修范围，已转物业公司处理' });
}
