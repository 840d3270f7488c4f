import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { mediationCase } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { lockCase } from '../queries.ts';
import { canDo } from '../rules.ts';

/** Mediation failed: the reason tells the parties where to turn next (arbitration, the court, the street). */
export async function failCase(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const m = await lockCase(tx, actor, id);
    if (!canDo('fail', m.state)) throw new DomainError('mediation.wrongState', 409, { state: m.state });
    await tx.update(mediationCase).set({ state: 'failed', failReason: reason, updatedAt: new Date() }).where(eq(mediationCase.id, id));
    await audit(tx, actor, { action: 'mediation.fail', targetType: 'mediation_case', targetId: id, territoryId: m.territoryId, before: { state: m.state }, after: { state: 'failed', failReason: reason } });
    return id;
  });
}
