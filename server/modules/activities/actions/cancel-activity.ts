import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/policy.ts';
import { activity } from '../../../db/schema/members.ts';
import { noticeCancelled } from '../notices.ts';
import { activityDetail, activityInReach } from '../queries.ts';

/**
 * Calls an activity off; sign-ups stay on record, no one can join or check in any more, and the
 * members signed up are told. Calling it off twice changes nothing and tells no one again.
 */
export async function cancelActivity(ctx: AppContext, actor: Actor, id: string) {
  await ctx.db.transaction(async (tx) => {
    const { a } = await activityInReach(tx, actor, 'activity.manage', id);
    if (a.state === 'cancelled') return;
    // Conditional on the state read: of two cancellations at once, only one notifies.
    const [done] = await tx.update(activity).set({ state: 'cancelled' }).where(and(eq(activity.id, id), eq(activity.state, a.state))).returning();
    if (!done) return;
    await noticeCancelled(tx, a);
    await audit(tx, actor, { action: 'activity.cancel', targetType: 'activity', targetId: id, territoryId: a.territoryId, before: { state: a.state }, after: { state: 'cancelled' } });
  });
  return activityDetail(ctx.db, actor, id);
}
