import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { account } from '../../db/schema/accounts.ts';
import { activity, activitySignup } from '../../db/schema/members.ts';
import { notify } from '../notifications/notify.ts';

type Activity = typeof activity.$inferSelect;

const shanghai = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const when = (d: Date) => shanghai.format(d);

/** The accounts of the members still signed up (or already checked in): the people a change affects. */
async function signedUpAccounts(tx: Db, activityId: string) {
  const rows = await tx.select({ id: account.id }).from(activitySignup)
    .innerJoin(account, eq(account.personId, activitySignup.personId))
    .where(and(eq(activitySignup.activityId, activityId), inArray(activitySignup.state, ['signed_up', 'checked_in']), eq(account.disabled, false)));
  return rows.map((r) => r.id);
}

/** What a member must know of an edit: time, place and cancel deadline; a new title or text alone is no news. */
export function changedForMembers(before: Activity, after: Activity): string[] {
  const lines: string[] = [];
  if (+before.startsAt !== +after.startsAt || +before.endsAt !== +after.endsAt) lines.push(`时间改为 ${when(after.startsAt)} 至 ${when(after.endsAt)}`);
  if (before.place !== after.place) lines.push(`地点改为 ${after.place || '（待定）'}`);
  if (+before.cancelDeadline !== +after.cancelDeadline) lines.push(`取消报名截止时间改为 ${when(after.cancelDeadline)}`);
  if (before.title !== after.title) lines.push(`活动名称改为“${after.title}”`);
  return lines;
}

/** Tells the signed-up members that their activity changed, in the same transaction as the change. */
export async function noticeChanged(tx: Db, before: Activity, after: Activity) {
  const lines = changedForMembers(before, after);
  if (!lines.length) return;
  await notify(tx, await signedUpAccounts(tx, after.id), {
    kind: 'activity.changed', title: `您报名的活动有变更：${before.title}`, body: lines.join('；'), link: '/m/services',
    params: { activityId: after.id, title: before.title },
  });
}

/** Tells the signed-up members that their activity is called off. */
export async function noticeCancelled(tx: Db, a: Activity) {
  await notify(tx, await signedUpAccounts(tx, a.id), {
    kind: 'activity.cancelled', title: `您报名的活动已取消：${a.title}`, body: `原定 ${when(a.startsAt)} 在 ${a.place || '社区'} 举行的活动已取消。`, link: '/m/services',
    params: { activityId: a.id, title: a.title, startsAt: a.startsAt.toISOString(), place: a.place || undefined },
  });
}
