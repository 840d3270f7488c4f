import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { wish } from '../../../db/schema/members.ts';
import { awardPoints } from '../../points/award.ts';
import { wishWithPath } from '../queries.ts';

/**
 * The resident (or a worker for them) confirms the wish came true; the member who fulfilled it
 * earns the wish rule's points in the same transaction, once.
 */
export async function confirmWish(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const { w, path } = await wishWithPath(tx, id);
    const asStaff = actor.grants.some((g) => (g.role === 'community_worker' || g.role === 'community_secretary') && path.startsWith(g.path));
    const asResident = actor.personId === w.residentId && canAt(actor, 'wish.confirm', path);
    if (!asStaff && !asResident) throw notFound('wish', id);
    if (w.state === 'confirmed') return id;
    if (w.state !== 'fulfilled') throw new DomainError('wish.wrongState', 409, { state: w.state });
    const [after] = await tx.update(wish).set({ state: 'confirmed', confirmedAt: new Date() })
      .where(and(eq(wish.id, id), eq(wish.state, 'fulfilled'))).returning();
    if (!after) return id;
    // Award before audit: balances are locked before the audit chain's lock, as in every award.
    await awardPoints(tx, actor, { personId: w.claimedBy!, ruleCode: 'wish', sourceType: 'wish', sourceId: id, note: w.title });
    await audit(tx, actor, { action: 'wish.confirm', targetType: 'wish', targetId: id, territoryId: w.territoryId, before: { state: 'fulfilled' }, after: { state: 'confirmed' } });
    return id;
  });
}
