import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/policy.ts';
import { activity } from '../../../db/schema/members.ts';
import { activityDetail, activityInReach } from '../queries.ts';

/** Calls an activity off; sign-ups stay on record, no one can join or check in any more. */
export async function cancelActivity(ctx: AppContext, actor: Actor, id: string) {
  await ctx.db.transaction(async (tx) => {
    const { a } = await activityInReach(tx, actor, 'activity.manage', id);
    if (a.state === 'cancelled') return;
    await tx.update(activity).set({ state: 'cancelled' }).where(eq(activity.id, id));
    await audit(tx, actor, { action: 'activity.cancel', targetType: 'activity', targetId: id, territoryId: a.territoryId, before: { state: a.state }, after: { state: 'cancelled' } });
  });
  return activityDetail(ctx.db, actor, id);
}
