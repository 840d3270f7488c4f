import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { wish } from '../../../db/schema/members.ts';
import { memberPerson, reachPaths, reaches } from '../../activities/reach.ts';
import { wishWithPath } from '../queries.ts';

/** How long a member has to fulfil a claimed wish before it opens again for others. */
export const CLAIM_DAYS = 7;

/**
 * A member takes on an open wish. The update only matches while the wish is still open, so when
 * many claim at once exactly one row changes; everyone else hears who was faster.
 */
export async function claimWish(ctx: AppContext, actor: Actor, id: string) {
  const me = memberPerson(actor);
  return ctx.db.transaction(async (tx) => {
    const { w, path } = await wishWithPath(tx, id);
    // A wish not yet approved (or turned down) is not public: to a member it does not exist.
    if (!reaches(reachPaths(actor, 'wish.claim'), path) || w.state === 'pending_review' || w.state === 'rejected') throw notFound('wish', id);
    if (w.residentId === me) throw new DomainError('wish.ownWish', 409);
    const now = new Date();
    const [after] = await tx.update(wish)
      .set({ state: 'claimed', claimedBy: me, claimedAt: now, claimExpiresAt: new Date(now.getTime() + CLAIM_DAYS * 86_400_000) })
      .where(and(eq(wish.id, id), eq(wish.state, 'open')))
      .returning();
    if (!after) throw new DomainError('wish.alreadyClaimed', 409, { wishId: id });
    await audit(tx, actor, { action: 'wish.claim', targetType: 'wish', targetId: id, territoryId: w.territoryId, before: { state: 'open' }, after: { state: 'claimed', claimedBy: me, claimExpiresAt: after.claimExpiresAt } });
    return id;
  });
}
