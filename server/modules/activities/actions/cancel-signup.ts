import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { activity, activitySignup } from '../../../db/schema/members.ts';
import { activityInReach } from '../queries.ts';
import { memberPerson } from '../reach.ts';
import { shanghaiTime } from '../rules.ts';

/** A member withdraws before the cancel deadline; after it the organiser is counting on them. */
export async function cancelSignup(ctx: AppContext, actor: Actor, activityId: string) {
  const personId = memberPerson(actor);
  return ctx.db.transaction(async (tx) => {
    await activityInReach(tx, actor, 'activity.join', activityId);
    const [a] = await tx.select().from(activity).where(eq(activity.id, activityId));
    const [s] = await tx.select().from(activitySignup)
      .where(and(eq(activitySignup.activityId, activityId), eq(activitySignup.personId, personId))).for('update');
    if (!s) throw notFound('signup', activityId);
    if (s.state === 'cancelled') return { signup: s, activity: a! };
    if (s.state !== 'signed_up') throw new DomainError('activity.alreadyCheckedIn', 409);
    if (new Date() > a!.cancelDeadline) throw new DomainError('activity.cancelDeadlinePassed', 409, { deadline: shanghaiTime(a!.cancelDeadline) });
    const [after] = await tx.update(activitySignup).set({ state: 'cancelled', cancelledAt: new Date() }).where(eq(activitySignup.id, s.id)).returning();
    await audit(tx, actor, { action: 'activity.cancelSignup', targetType: 'activity', targetId: activityId, territoryId: a!.territoryId, before: s, after });
    return { signup: after!, activity: a! };
  });
}
