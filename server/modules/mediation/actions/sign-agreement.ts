import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { mediationCase, mediationParty } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { lockCase } from '../queries.ts';
import { canDo } from '../rules.ts';

/** Records one party's sign-off on the agreement; with the last one the case is agreed. */
export async function signAgreement(ctx: AppContext, actor: Actor, id: string, partyId: string) {
  return ctx.db.transaction(async (tx) => {
    const m = await lockCase(tx, actor, id);
    if (!canDo('sign', m.state)) throw new DomainError('mediation.wrongState', 409, { state: m.state });
    if (!m.agreementText) throw new DomainError('mediation.noAgreement', 409);
    const parties = await tx.select().from(mediationParty).where(eq(mediationParty.caseId, id));
    const party = parties.find((p) => p.id === partyId);
    if (!party) throw notFound('mediationParty', partyId);
    if (!parties.some((p) => p.side === 'applicant') || !parties.some((p) => p.side === 'respondent')) throw new DomainError('mediation.partiesMissing', 409);
    const now = new Date();
    const [signed] = await tx.update(mediationParty).set({ signedAt: now }).where(and(eq(mediationParty.id, partyId), isNull(mediationParty.signedAt))).returning({ id: mediationParty.id });
    if (!signed) throw new DomainError('mediation.alreadySigned', 409);
    const all = parties.every((p) => p.id === partyId || p.signedAt);
    if (all) await tx.update(mediationCase).set({ state: 'agreed', agreedAt: now, updatedAt: now }).where(eq(mediationCase.id, id));
    else await tx.update(mediationCase).set({ updatedAt: now }).where(eq(mediationCase.id, id));
    await audit(tx, actor, {
      action: 'mediation.sign', targetType: 'mediation_case', targetId: id, territoryId: m.territoryId,
      before: { state: m.state }, after: { partyId, state: all ? 'agreed' : m.state },
    });
    return id;
  });
}
