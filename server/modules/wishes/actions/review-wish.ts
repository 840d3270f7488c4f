import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { wish } from '../../../db/schema/members.ts';
import { wishWithPath } from '../queries.ts';

/**
 * The community reviews a wish before anyone else sees it: approved, it opens to the members of
 * the street; rejected, the resident reads the reason.
 */
export async function reviewWish(ctx: AppContext, actor: Actor, id: string, decision: { approve: true } | { approve: false; reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const { w, path } = await wishWithPath(tx, id);
    if (!canAt(actor, 'wish.review', path)) throw notFound('wish', id);
    const next = decision.approve ? { state: 'open' as const, reason: null } : { state: 'rejected' as const, reason: decision.reason };
    const [after] = await tx.update(wish).set(next).where(and(eq(wish.id, id), eq(wish.state, 'pending_review'))).returning();
    if (!after) throw new DomainError('wish.wrongState', 409, { state: w.state });
    await audit(tx, actor, { action: decision.approve ? 'wish.approve' : 'wish.reject', targetType: 'wish', targetId: id, territoryId: w.territoryId, before: { state: w.state }, after: next });
    return id;
  });
}
