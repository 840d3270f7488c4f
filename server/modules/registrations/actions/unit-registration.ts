import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { unitRegistration } from '../../../db/schema/members.ts';
import { territory } from '../../../db/schema/territory.ts';
import { authorizeRecord } from '../../territory/queries.ts';
import { bodyWithPath, unitRegistrationById } from '../queries.ts';
import { UNIT_TARGET_KINDS } from '../unit-targets.ts';


/** 组织报到: a resident unit's party organisation registers with its street or community, saying what it offers. */
export async function registerUnit(ctx: AppContext, actor: Actor, input: { bodyId: string; territoryId: string; commitments: string }) {
  return ctx.db.transaction(async (tx) => {
    const b = await bodyWithPath(tx, input.bodyId);
    authorizeRecord(actor, 'unit-registration.submit', 'territory.read', b.path, 'body', b.id);
    if (!b.kind.startsWith('party_')) throw invalid('bodyId', 'registration.notPartyBody');
    const [node] = await tx.select().from(territory).where(eq(territory.id, input.territoryId));
    if (!node || node.retired || !(UNIT_TARGET_KINDS as readonly string[]).includes(node.kind)) throw invalid('territoryId', 'registration.notStreetOrCommunity');
    const [created] = await tx.insert(unitRegistration).values(input).onConflictDoNothing().returning();
    if (!created) throw new DomainError('registration.alreadyLive', 409);
    await audit(tx, actor, { action: 'unitRegistration.submit', targetType: 'unit_registration', targetId: created.id, territoryId: node.id, after: created });
    return (await unitRegistrationById(tx, created.id))!;
  });
}

export async function withdrawUnitRegistration(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const reg = await unitRegistrationById(tx, id);
    if (!reg) throw notFound('unit registration', id);
    authorizeRecord(actor, 'unit-registration.submit', 'unit-registration.read', reg.unitPath, 'unit registration', id);
    return decide(tx, actor, reg, ['pending', 'confirmed'], { state: 'withdrawn' });
  });
}

/** The street or community confirms the unit's registration or returns it with a reason. */
export async function reviewUnitRegistration(ctx: AppContext, actor: Actor, id: string, decision: { confirm: true } | { confirm: false; reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const reg = await unitRegistrationById(tx, id);
    if (!reg) throw notFound('unit registration', id);
    authorizeRecord(actor, 'unit-registration.review', 'unit-registration.read', reg.targetPath, 'unit registration', id);
    const change = decision.confirm
      ? { state: 'confirmed' as const, decidedAt: new Date(), decidedBy: actor.accountId }
      : { state: 'returned' as const, reason: decision.reason, decidedAt: new Date(), decidedBy: actor.accountId };
    return decide(tx, actor, reg, ['pending'], change);
  });
}

type Tx = Parameters<Parameters<AppContext['db']['transaction']>[0]>[0];
type Reg = NonNullable<Awaited<ReturnType<typeof unitRegistrationById>>>;

async function decide(tx: Tx, actor: Actor, reg: Reg, from: Reg['state'][], change: Partial<typeof unitRegistration.$inferInsert> & { state: Reg['state'] }) {
  const conflict = () => new DomainError(from.length === 1 ? 'registration.notPending' : 'registration.notLive', 409, { state: reg.state });
  if (!from.includes(reg.state)) throw conflict();
  // Guarded by the state read: of two decisions at once, the second finds the row changed.
  const [after] = await tx.update(unitRegistration).set(change)
    .where(and(eq(unitRegistration.id, reg.id), eq(unitRegistration.state, reg.state))).returning();
  if (!after) throw conflict();
  await audit(tx, actor, { action: `unitRegistration.${change.state}`, targetType: 'unit_registration', targetId: reg.id, territoryId: reg.territoryId, before: { state: reg.state }, after: { state: change.state, reason: change.reason ?? null } });
  return (await unitRegistrationById(tx, reg.id))!;
}
