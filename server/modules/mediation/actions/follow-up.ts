import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { mediationCase } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { lockCase } from '../queries.ts';
import { canDo } from '../rules.ts';

/** The follow-up visit after an agreement: whether it holds. Recording it closes the case. */
export async function followUp(ctx: AppContext, actor: Actor, id: string, input: { visitedOn: string; note: string }) {
  return ctx.db.transaction(async (tx) => {
    const m = await lockCase(tx, actor, id);
    if (!canDo('followUp', m.state)) throw new DomainError('mediation.wrongState', 409, { state: m.state });
    const now = new Date();
    const after = { state: 'closed' as const, followUpOn: input.visitedOn, followUpNote: input.note, followedUpAt: now };
    await tx.update(mediationCase).set({ ...after, updatedAt: now }).where(eq(mediationCase.id, id));
    await audit(tx, actor, { action: 'mediation.followUp', targetType: 'mediation_case', targetId: id, territoryId: m.territoryId, before: { state: m.state }, after });
    return id;
  });
}
