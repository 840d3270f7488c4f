import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { mediationCase, mediationParty } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { lockCase } from '../queries.ts';
import { canDo } from '../rules.ts';
import { type PartyInput, partyValues } from './party-values.ts';

/** Adds a party; any signatures already given lapse, since the agreement now binds someone new. */
export async function addParty(ctx: AppContext, actor: Actor, id: string, input: PartyInput) {
  return ctx.db.transaction(async (tx) => {
    const m = await lockCase(tx, actor, id);
    if (!canDo('party', m.state)) throw new DomainError('mediation.wrongState', 409, { state: m.state });
    const values = await partyValues(tx, ctx.pii, m.path, id, input, 'party');
    const [p] = await tx.insert(mediationParty).values(values).returning({ id: mediationParty.id });
    await tx.update(mediationParty).set({ signedAt: null }).where(eq(mediationParty.caseId, id));
    await tx.update(mediationCase).set({ updatedAt: new Date() }).where(eq(mediationCase.id, id));
    await audit(tx, actor, { action: 'mediation.addParty', targetType: 'mediation_case', targetId: id, territoryId: m.territoryId, after: { partyId: p!.id, side: values.side, name: values.nameMasked } });
    return id;
  });
}
