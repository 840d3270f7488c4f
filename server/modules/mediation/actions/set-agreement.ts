import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { mediationCase, mediationParty } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { lockCase } from '../queries.ts';
import { canDo } from '../rules.ts';

/** Writes (or rewrites) the agreement; a changed text needs every party's signature again. */
export async function setAgreement(ctx: AppContext, actor: Actor, id: string, text: string) {
  return ctx.db.transaction(async (tx) => {
    const m = await lockCase(tx, actor, id);
    if (!canDo('agreement', m.state)) throw new DomainError('mediation.wrongState', 409, { state: m.state });
    if (m.agreementText !== text) await tx.update(mediationParty).set({ signedAt: null }).where(eq(mediationParty.caseId, id));
    await tx.update(mediationCase).set({ agreementText: text, state: 'in_mediation', updatedAt: new Date() }).where(eq(mediationCase.id, id));
    await audit(tx, actor, { action: 'mediation.agreement', targetType: 'mediation_case', targetId: id, territoryId: m.territoryId, before: { state: m.state, agreementText: m.agreementText }, after: { state: 'in_mediation', agreementText: text } });
    return id;
  });
}
