import { and, eq, ne, sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { activity, activitySignup } from '../../../db/schema/members.ts';
import { activityDetail, activityInReach } from '../queries.ts';
import '../messages.ts';
import { noticeChanged } from '../notices.ts';
import { checkTimes } from './activity-times.ts';

export interface ActivityPatch {
  title?: string;
  description?: string;
  place?: string;
  startsAt?: Date;
  endsAt?: Date;
  capacity?: number;
  cancelDeadline?: Date;
}

/**
 * Edits a published activity; its capacity never drops below the members already signed up, and
 * those members are told of a new time, place or deadline.
 */
export async function updateActivity(ctx: AppContext, actor: Actor, id: string, patch: ActivityPatch) {
  await ctx.db.transaction(async (tx) => {
    await activityInReach(tx, actor, 'activity.manage', id);
    const [before] = await tx.select().from(activity).where(eq(activity.id, id)).for('update');
    if (before!.state !== 'published') throw new DomainError('activity.notEditable', 409, { title: before!.title });
    const next = { ...before!, ...patch };
    checkTimes(next.startsAt, next.endsAt, next.cancelDeadline);
    if (patch.capacity !== undefined) {
      const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(activitySignup)
        .where(and(eq(activitySignup.activityId, id), ne(activitySignup.state, 'cancelled')))) as [{ n: number }];
      if (patch.capacity < n) throw new DomainError('activity.capacityBelowSignups', 409, { signedUp: n });
    }
    const [after] = await tx.update(activity).set(patch).where(eq(activity.id, id)).returning();
    const strip = ({ qrSecret: _s, ...rest }: typeof after & object) => rest;
    await noticeChanged(tx, before!, after!);
    await audit(tx, actor, { action: 'activity.update', targetType: 'activity', targetId: id, territoryId: before!.territoryId, before: strip(before!), after: strip(after!) });
  });
  return activityDetail(ctx.db, actor, id);
}
