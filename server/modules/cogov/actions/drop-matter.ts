import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, forbidden } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { cogovMatter } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { visibleMatter } from '../queries.ts';

/** A matter that will go no further; the reason stays in the audit log. */
export async function dropMatter(ctx: AppContext, actor: Actor, id: string, reason: string) {
  const seen = await visibleMatter(ctx.db, actor, id);
  if (!canAt(actor, 'cogov.manage', seen.m.path)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const [after] = await tx.update(cogovMatter).set({ state: 'dropped' })
      .where(and(eq(cogovMatter.id, id), inArray(cogovMatter.state, ['proposed', 'consulted']))).returning();
    if (!after) throw new DomainError('cogov.closed', 409, { state: seen.m.state });
    await audit(tx, actor, { action: 'cogov.drop', targetType: 'cogov_matter', targetId: id, territoryId: after.territoryId, before: { state: seen.m.state }, after: { state: 'dropped', reason } });
    return id;
  });
}
