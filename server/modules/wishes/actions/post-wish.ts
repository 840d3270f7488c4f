import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, forbidden, invalid, notFound } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { wish } from '../../../db/schema/members.ts';
import { person } from '../../../db/schema/people.ts';
import { territory } from '../../../db/schema/territory.ts';
import { reachPaths, reaches } from '../../activities/reach.ts';

export interface WishInput {
  title: string;
  description?: string;
  /** Required when a community worker posts for a resident; a resident posts for themself. */
  residentId?: string;
}

/** A resident's wish, posted by them or by a worker for them; it waits for the community's review. */
export async function postWish(ctx: AppContext, actor: Actor, input: WishInput) {
  const forOther = input.residentId !== undefined && input.residentId !== actor.personId;
  const residentId = input.residentId ?? actor.personId;
  if (!residentId) throw invalid('residentId', 'field.required');
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select({ id: person.id, territoryId: person.territoryId, path: territory.path })
      .from(person).innerJoin(territory, eq(territory.id, person.territoryId)).where(eq(person.id, residentId));
    if (!r) throw notFound('person', residentId);
    const staff = reachPaths(actor, 'wish.post', ['community_worker', 'community_secretary']);
    if (forOther && staff.length === 0) throw forbidden();
    if (forOther && !reaches(staff, r.path)) throw notFound('person', residentId);
    if (!forOther && !canAt(actor, 'wish.post', r.path)) throw forbidden();
    if (!forOther && !actor.personId) throw new DomainError('member.noPerson', 409);
    const [created] = await tx.insert(wish).values({
      territoryId: r.territoryId, residentId, postedBy: actor.accountId, title: input.title, description: input.description ?? '',
    }).returning();
    await audit(tx, actor, { action: 'wish.post', targetType: 'wish', targetId: created!.id, territoryId: r.territoryId, after: created });
    return created!.id;
  });
}
