import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { account } from '../db/schema/accounts.ts';
import { body } from '../db/schema/bodies.ts';
import { resolutionObjection, resolutionProgress } from '../db/schema/deliberation.ts';
import { territory } from '../db/schema/territory.ts';
import { makeMatter } from '../modules/cogov/fixtures.ts';
import { dayOf } from '../modules/demands/calendar.ts';
import { carryOverOverdue } from '../modules/resolutions/carry-over.ts';
import { makeResolution } from '../modules/resolutions/fixtures.ts';

const LONGTAN = '310117001001';
const DAY = 86_400_000;
const ago = (d: number) => new Date(Date.now() - d * DAY);
const dayIn = (d: number) => dayOf(new Date(Date.now() + d * DAY));

/**
 * 龙潭社区's resolutions in every stage of their life — one done, one in progress, one overdue and
 * carried back to the agenda, one in its publication with a resident's objection — and a
 * co-governance matter proposed by the community and waiting for the joint conference.
 */
export async function loadResolutionsDemo(db: Db) {
  const [community] = await db.select().from(territory).where(eq(territory.code, LONGTAN));
  if (!community) return;
  const accounts = await db.select({ id: account.id, username: account.username, name: account.displayName }).from(account)
    .where(inArray(account.username, ['demo-secretary', 'demo-worker', 'demo-resident']));
  const who = (u: string) => accounts.find((a) => a.username === u);
  const secretary = who('demo-secretary');
  const worker = who('demo-worker');
  const bodies = await db.select({ id: body.id, kind: body.kind }).from(body).where(eq(body.territoryId, community.id));
  const bodyOf = (kind: string) => bodies.find((b) => b.kind === kind)?.id ?? null;
  const note = (resolutionId: string, at: Date, text: string) =>
    db.insert(resolutionProgress).values({ resolutionId, note: text, accountId: worker?.id ?? null, actorName: worker?.name ?? '社工', at });

  const done = await makeResolution(db, community, {
    state: 'done', title: '楼道堆物集中清理', text: '由物业公司牵头、楼组长配合，一个月内清理各楼道堆放杂物，消除消防隐患。',
    responsibleBodyId: bodyOf('property_company'), dueOn: dayIn(-10), publishedAt: ago(45), publicDays: 7, doneAt: ago(12), createdBy: secretary?.id ?? null,
  });
  await note(done.id, ago(30), '已完成1—3号楼楼道清理，共清出杂物两车。');
  await note(done.id, ago(12), '全部楼道清理完毕，业主代表和消防志愿者联合验收通过。');

  const working = await makeResolution(db, community, {
    state: 'in_progress', title: '增设电动自行车集中充电棚', text: '在小区东侧空地增设电动自行车充电棚两处，由业委会监督，物业负责日常运维。',
    responsibleBodyId: bodyOf('owners_committee'), dueOn: dayIn(30), publishedAt: ago(20), publicDays: 7, createdBy: secretary?.id ?? null,
  });
  await note(working.id, ago(6), '充电棚选址已征求两个楼组意见，施工方案报街道审核中。');

  const late = await makeResolution(db, community, {
    state: 'in_progress', title: '老年活动室适老化改造', text: '居委会牵头对老年活动室地面防滑、扶手、照明进行改造，年内完成。',
    responsibleBodyId: bodyOf('residents_committee'), dueOn: dayIn(-5), publishedAt: ago(60), publicDays: 7, createdBy: secretary?.id ?? null,
  });
  await note(late.id, ago(25), '防滑地面已铺设，扶手材料待采购。');

  const published = await makeResolution(db, community, {
    state: 'published', title: '小区内禁止高空晾晒的约定', text: '临街一侧阳台不得外挑晾晒，由楼组长劝导，物业巡查记录。',
    responsibleBodyId: bodyOf('residents_committee'), dueOn: dayIn(60), publishedAt: ago(2), publicDays: 7, createdBy: secretary?.id ?? null,
  });
  await db.insert(resolutionObjection).values({ resolutionId: published.id, accountId: who('demo-resident')?.id ?? null, text: '底楼住户没有其他晾晒空间，能否在小区内划定公共晾晒区？', createdAt: ago(1) });

  // The overdue one comes back the way the timer brings it: on the next review meeting if there is one.
  await carryOverOverdue(db);

  await makeMatter(db, community, {
    title: '菜场周边早高峰停车整治', through: 'propose', decidedOn: dayIn(-8), recordedBy: secretary?.id ?? null,
    outcomes: { propose: '社区委员会提议：协调驻区单位错峰开放停车位，提交区域化党建联席会商议。' },
    bodies: { propose: bodyOf('residents_committee') },
  });
}
