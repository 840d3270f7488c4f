import { and, eq, inArray, isNull } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, forbidden, invalid, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { memberRegistration, pointsEntry } from '../../../db/schema/members.ts';
import { reverseEntry } from '../../points/award.ts';
import { memberCommunities, memberPerson } from '../member-communities.ts';
import { nodeInSight } from '../../territory/queries.ts';
import { bodyWithPath, registrationById } from '../queries.ts';

export interface RegisterInput { communityId?: string; workplaceOrgId?: string; workplaceOrgName?: string }

/**
 * 双报到: a member registers with a community they live in, naming their workplace party
 * organisation. One live registration per member: a second one meets the partial unique index.
 */
export async function registerMember(ctx: AppContext, actor: Actor, input: RegisterInput) {
  const personId = memberPerson(actor);
  if (!input.workplaceOrgId === !input.workplaceOrgName) {
    throw invalid(input.workplaceOrgId ? 'workplaceOrgName' : 'workplaceOrgId', 'registration.workplaceOneOf');
  }
  return ctx.db.transaction(async (tx) => {
    const communities = await memberCommunities(tx, actor, personId);
    const communityId = input.communityId ?? communities[0]?.id;
    if (!communityId) throw new DomainError('points.noCommunity', 409, { personId });
    if (!communities.some((c) => c.id === communityId)) {
      // A community out of the member's sight does not exist for them; one they see is not theirs.
      await nodeInSight(tx, actor, 'registration.submit', communityId);
      throw forbidden();
    }
    if (input.workplaceOrgId) {
      const b = await bodyWithPath(tx, input.workplaceOrgId).catch(() => null);
      if (!b || !b.kind.startsWith('party_')) throw invalid('workplaceOrgId', 'registration.notPartyBody');
    }
    const [created] = await tx.insert(memberRegistration)
      .values({ personId, communityId, workplaceOrgId: input.workplaceOrgId ?? null, workplaceOrgName: input.workplaceOrgName ?? null })
      .onConflictDoNothing().returning();
    if (!created) throw new DomainError('registration.alreadyLive', 409);
    await audit(tx, actor, { action: 'registration.submit', targetType: 'member_registration', targetId: created.id, territoryId: communityId, after: created });
    return (await registrationById(tx, created.id))!;
  });
}

/**
 * The member takes back their own pending or confirmed registration, and may register again.
 * Withdrawing a confirmed one reverses its registration points, so withdrawing and registering
 * again cannot earn them twice.
 */
export async function withdrawRegistration(ctx: AppContext, actor: Actor, id: string) {
  const personId = memberPerson(actor);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(memberRegistration).where(and(eq(memberRegistration.id, id), eq(memberRegistration.personId, personId))).for('update');
    if (!before) throw notFound('registration', id);
    const [after] = await tx.update(memberRegistration).set({ state: 'withdrawn' })
      .where(and(eq(memberRegistration.id, id), inArray(memberRegistration.state, ['pending', 'confirmed']))).returning();
    if (!after) throw new DomainError('registration.notLive', 409);
    if (before.state === 'confirmed') await takeBackRegistrationPoints(tx, actor, id);
    await audit(tx, actor, { action: 'registration.withdraw', targetType: 'member_registration', targetId: id, territoryId: before.communityId, before: { state: before.state }, after: { state: 'withdrawn' } });
    return (await registrationById(tx, id))!;
  });
}

async function takeBackRegistrationPoints(tx: Db, actor: Actor, registrationId: string) {
  const [entry] = await tx.select({ id: pointsEntry.id }).from(pointsEntry)
    .where(and(eq(pointsEntry.sourceType, 'member_registration'), eq(pointsEntry.sourceId, registrationId), isNull(pointsEntry.reversesId)));
  if (entry) await reverseEntry(tx, actor, entry.id, '撤回双报到');
}
