import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { authorizeRecord } from '../../territory/queries.ts';
import { memberRegistration } from '../../../db/schema/members.ts';
import { awardPoints } from '../../points/award.ts';
import { registrationById } from '../queries.ts';

/**
 * The community's party organisation decides a pending registration. Confirming puts the member
 * on the community's roster and awards the registration points once, in the same transaction.
 */
export async function reviewRegistration(ctx: AppContext, actor: Actor, id: string, decision: { confirm: true } | { confirm: false; reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const reg = await registrationById(tx, id);
    if (!reg) throw notFound('registration', id);
    authorizeRecord(actor, 'registration.review', 'registration.read', reg.communityPath, 'registration', id);
    const state = decision.confirm ? 'confirmed' : 'returned';
    const [after] = await tx.update(memberRegistration)
      .set({ state, reason: decision.confirm ? null : decision.reason, decidedAt: new Date(), decidedBy: actor.accountId })
      .where(and(eq(memberRegistration.id, id), eq(memberRegistration.state, 'pending'))).returning();
    if (!after) throw new DomainError('registration.notPending', 409, { state: reg.state });
    // Award before audit: balances are locked before the audit chain's lock, as in every award,
    // so this and a check-out for the same member cannot wait on each other.
    if (decision.confirm) await awardPoints(tx, actor, { personId: reg.personId, ruleCode: 'registration', sourceType: 'member_registration', sourceId: id });
    await audit(tx, actor, { action: `registration.${decision.confirm ? 'confirm' : 'return'}`, targetType: 'member_registration', targetId: id, territoryId: reg.communityId, before: { state: reg.state }, after: { state, reason: after.reason } });
    return (await registrationById(tx, id))!;
  });
}
