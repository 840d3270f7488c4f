import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { activity, activitySignup } from '../../../db/schema/members.ts';
import { awardPoints } from '../../points/award.ts';
import { activityInReach } from '../queries.ts';
import { memberPerson } from '../reach.ts';
import { SCAN_EARLY_MS, SCAN_LATE_MS, acceptsCode, hoursServed, pointsRuleOf } from '../rules.ts';

/**
 * Who marks attendance: the member scanning the venue's rotating code (only while the activity is
 * on), or the organiser marking a member by hand.
 */
export type Marker = { by: 'scan'; code: string } | { by: 'staff'; personId: string };

type Activity = typeof activity.$inferSelect;

/** Checks a member in; sent again (a double tap, a retry) it changes nothing. */
export async function checkIn(ctx: AppContext, actor: Actor, activityId: string, m: Marker) {
  return ctx.db.transaction(async (tx) => {
    const { a, personId } = await openActivity(tx, actor, activityId, m, 'in');
    const s = await lockedSignup(tx, activityId, personId);
    if (s.state !== 'signed_up') return { signup: s, activity: a };
    const [after] = await tx.update(activitySignup).set({ state: 'checked_in', checkedInAt: new Date() }).where(eq(activitySignup.id, s.id)).returning();
    await audit(tx, actor, { action: 'activity.checkIn', targetType: 'activity', targetId: activityId, territoryId: a.territoryId, before: { personId, state: s.state }, after: { personId, state: 'checked_in', by: m.by } });
    return { signup: after!, activity: a };
  });
}

/**
 * Checks a member out and turns the time served into points, in one transaction. Repeated, it
 * finds the member already out and the ledger's unique award refuses a second entry anyway.
 */
export async function checkOut(ctx: AppContext, actor: Actor, activityId: string, m: Marker) {
  return ctx.db.transaction(async (tx) => {
    const { a, personId } = await openActivity(tx, actor, activityId, m, 'out');
    const s = await lockedSignup(tx, activityId, personId);
    if (s.state === 'checked_out') return { signup: s, activity: a };
    if (s.state !== 'checked_in') throw new DomainError('activity.notCheckedIn', 409);
    const [after] = await tx.update(activitySignup).set({ state: 'checked_out', checkedOutAt: new Date() }).where(eq(activitySignup.id, s.id)).returning();
    const hours = hoursServed(after!.checkedInAt!, after!.checkedOutAt!, a.startsAt, a.endsAt);
    // The award goes first: it locks the member's balances before the audit chain's lock, the
    // order every award takes, so two awards for one member can never wait on each other.
    const rule = pointsRuleOf(a.kind);
    if (rule === 'activity' || hours > 0) {
      await awardPoints(tx, actor, { personId, ruleCode: rule, sourceType: 'activity', sourceId: a.id, quantity: rule === 'service_hour' ? hours : 1, note: a.title });
    }
    await audit(tx, actor, { action: 'activity.checkOut', targetType: 'activity', targetId: activityId, territoryId: a.territoryId, before: { personId, state: s.state }, after: { personId, state: 'checked_out', hours, by: m.by } });
    return { signup: after!, activity: a };
  });
}

async function openActivity(tx: Db, actor: Actor, activityId: string, m: Marker, direction: 'in' | 'out') {
  const personId = m.by === 'scan' ? memberPerson(actor) : m.personId;
  await activityInReach(tx, actor, m.by === 'scan' ? 'activity.join' : 'activity.manage', activityId);
  const [a] = await tx.select().from(activity).where(eq(activity.id, activityId));
  if (a!.state === 'cancelled') throw new DomainError('activity.notOpen', 409, { title: a!.title });
  if (m.by === 'scan') {
    const now = Date.now();
    if (!acceptsCode(a!.qrSecret, a!.id, m.code, now)) throw new DomainError('validation', 422, {}, [{ field: 'code', code: 'activity.badCode' }]);
    if (!scanWindowOpen(a!, now, direction)) throw new DomainError('activity.notNow', 409, { title: a!.title });
  }
  return { a: a!, personId };
}

const scanWindowOpen = (a: Activity, now: number, direction: 'in' | 'out') =>
  now >= a.startsAt.getTime() - SCAN_EARLY_MS && now <= a.endsAt.getTime() + (direction === 'out' ? SCAN_LATE_MS : 0);

async function lockedSignup(tx: Db, activityId: string, personId: string) {
  const [s] = await tx.select().from(activitySignup)
    .where(and(eq(activitySignup.activityId, activityId), eq(activitySignup.personId, personId))).for('update');
  if (!s || s.state === 'cancelled') throw new DomainError('activity.notSignedUp', 409);
  return s;
}
