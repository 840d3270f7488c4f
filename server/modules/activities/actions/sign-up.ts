import { and, eq, ne, sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { activity, activitySignup } from '../../../db/schema/members.ts';
import { activityInReach } from '../queries.ts';
import { memberPerson } from '../reach.ts';

/**
 * A member signs up. The activity row is locked while the live sign-ups are counted, so however
 * many members press at once, exactly `capacity` of them get in.
 */
export async function signUp(ctx: AppContext, actor: Actor, activityId: string) {
  const personId = memberPerson(actor);
  return ctx.db.transaction(async (tx) => {
    await activityInReach(tx, actor, 'activity.join', activityId);
    const [a] = await tx.select().from(activity).where(eq(activity.id, activityId)).for('update');
    if (a!.state !== 'published' || a!.endsAt <= new Date()) throw new DomainError('activity.notOpen', 409, { title: a!.title });
    const [existing] = await tx.select().from(activitySignup).where(and(eq(activitySignup.activityId, activityId), eq(activitySignup.personId, personId)));
    if (existing && existing.state !== 'cancelled') return { signup: existing, activity: a!, created: false };
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(activitySignup)
      .where(and(eq(activitySignup.activityId, activityId), ne(activitySignup.state, 'cancelled')))) as [{ n: number }];
    if (n >= a!.capacity) throw new DomainError('activity.full', 409, { capacity: a!.capacity });
    const fresh = { state: 'signed_up' as const, signedUpAt: new Date(), cancelledAt: null, checkedInAt: null, checkedOutAt: null };
    const [signup] = existing
      ? await tx.update(activitySignup).set(fresh).where(eq(activitySignup.id, existing.id)).returning()
      : await tx.insert(activitySignup).values({ activityId, personId, ...fresh }).returning();
    await audit(tx, actor, { action: 'activity.signUp', targetType: 'activity', targetId: activityId, territoryId: a!.territoryId, before: existing ?? null, after: signup });
    return { signup: signup!, activity: a!, created: true };
  });
}
