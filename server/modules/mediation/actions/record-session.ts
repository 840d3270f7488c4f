import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { mediationCase, mediationSession } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { lockCase } from '../queries.ts';
import { canDo } from '../rules.ts';

/** Notes of a mediation session; the first one puts the case in mediation. */
export async function recordSession(ctx: AppContext, actor: Actor, id: string, input: { heldAt: Date; place?: string; notes: string }) {
  return ctx.db.transaction(async (tx) => {
    const m = await lockCase(tx, actor, id);
    if (!canDo('session', m.state)) throw new DomainError('mediation.wrongState', 409, { state: m.state });
    const [s] = await tx.insert(mediationSession).values({ caseId: id, heldAt: input.heldAt, place: input.place ?? '', notes: input.notes, accountId: actor.accountId }).returning();
    await tx.update(mediationCase).set({ state: 'in_mediation', updatedAt: new Date() }).where(eq(mediationCase.id, id));
    await audit(tx, actor, { action: 'mediation.session', targetType: 'mediation_case', targetId: id, territoryId: m.territoryId, before: { state: m.state }, after: { state: 'in_mediation', sessionId: s!.id, heldAt: input.heldAt } });
    return id;
  });
}
