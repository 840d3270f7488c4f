import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { invalid } from '../../../core/errors.ts';
import { isValidIdNumber, isValidPhone, normalizeIdNumber, normalizePhone } from '../../../core/pii.ts';
import type { Actor } from '../../../core/policy.ts';
import { person } from '../../../db/schema/people.ts';
import { nodeInSight } from '../../territory/queries.ts';
import { personInScope } from '../queries.ts';
import { encryptedNumbers, householdFor } from './person-fields.ts';

export interface PersonInput {
  name: string;
  idNumber: string;
  phone?: string | null | undefined;
  territoryId: string;
  room?: string | null | undefined;
  relation?: string | null | undefined;
  isPartyMember?: boolean | undefined;
  partyOrgId?: string | null | undefined;
  joinedPartyOn?: string | null | undefined;
}

function checkNumbers(input: { idNumber: string; phone?: string | null | undefined }) {
  const idNumber = normalizeIdNumber(input.idNumber);
  if (!isValidIdNumber(idNumber)) throw invalid('idNumber', 'idNumber.invalid');
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (phone && !isValidPhone(phone)) throw invalid('phone', 'phone.invalid');
  return { idNumber, phone };
}

/** Audit records never carry the numbers themselves, only their masked form. */
const forAudit = (p: typeof person.$inferSelect) => {
  const { idNumberEnc: _i, idNumberHash: _h, phoneEnc: _p, phoneHash: _ph, ...rest } = p;
  return rest;
};

export async function createPerson(ctx: AppContext, actor: Actor, input: PersonInput) {
  const { idNumber, phone } = checkNumbers(input);
  return ctx.db.transaction(async (tx) => {
    const node = await nodeInSight(tx, actor, 'person.write', input.territoryId);
    if (node.retired) throw invalid('territoryId', 'territory.retired');
    const [dup] = await tx.select({ id: person.id }).from(person).where(eq(person.idNumberHash, ctx.pii.hash(idNumber)));
    if (dup) throw invalid('idNumber', 'idNumber.duplicate');
    const [created] = await tx
      .insert(person)
      .values({
        name: input.name, territoryId: node.id, relation: input.relation ?? null,
        householdId: await householdFor(tx, node.id, input.room),
        isPartyMember: input.isPartyMember ?? false, partyOrgId: input.partyOrgId ?? null, joinedPartyOn: input.joinedPartyOn ?? null,
        ...encryptedNumbers(ctx.pii, idNumber, phone),
      })
      .returning();
    await audit(tx, actor, { action: 'person.create', targetType: 'person', targetId: created!.id, territoryId: node.id, after: forAudit(created!) });
    return created!;
  });
}

export async function updatePerson(ctx: AppContext, actor: Actor, id: string, input: Partial<PersonInput>) {
  return ctx.db.transaction(async (tx) => {
    const { p: before } = await personInScope(tx, actor, 'person.write', id);
    const changes: Partial<typeof person.$inferInsert> = { updatedAt: new Date() };
    if (input.name !== undefined) changes.name = input.name;
    if (input.relation !== undefined) changes.relation = input.relation;
    if (input.isPartyMember !== undefined) changes.isPartyMember = input.isPartyMember;
    if (input.partyOrgId !== undefined) changes.partyOrgId = input.partyOrgId;
    if (input.joinedPartyOn !== undefined) changes.joinedPartyOn = input.joinedPartyOn;
    if (input.idNumber !== undefined || input.phone !== undefined) {
      const current = { idNumber: ctx.pii.decrypt(before.idNumberEnc), phone: before.phoneEnc ? ctx.pii.decrypt(before.phoneEnc) : null };
      const { idNumber, phone } = checkNumbers({ idNumber: input.idNumber ?? current.idNumber, phone: input.phone === undefined ? current.phone : input.phone });
      const [dup] = await tx.select({ id: person.id }).from(person).where(eq(person.idNumberHash, ctx.pii.hash(idNumber)));
      if (dup && dup.id !== id) throw invalid('idNumber', 'idNumber.duplicate');
      Object.assign(changes, encryptedNumbers(ctx.pii, idNumber, phone));
    }
    const territoryId = input.territoryId ?? before.territoryId;
    if (input.territoryId !== undefined) {
      const node = await nodeInSight(tx, actor, 'person.write', input.territoryId);
      if (node.retired) throw invalid('territoryId', 'territory.retired');
      changes.territoryId = node.id;
    }
    if (input.room !== undefined || input.territoryId !== undefined) {
      changes.householdId = await householdFor(tx, territoryId, input.room);
    }
    const [after] = await tx.update(person).set(changes).where(eq(person.id, id)).returning();
    await audit(tx, actor, { action: 'person.update', targetType: 'person', targetId: id, territoryId, before: forAudit(before), after: forAudit(after!) });
    return after!;
  });
}

/** Shows the numbers in full to a caller entitled to them, and records that they were seen. */
export async function revealPerson(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const { p } = await personInScope(tx, actor, 'person.reveal', id);
    await audit(tx, actor, { action: 'person.reveal', targetType: 'person', targetId: id, territoryId: p.territoryId, after: { fields: ['idNumber', 'phone'] } });
    return { idNumber: ctx.pii.decrypt(p.idNumberEnc), phone: p.phoneEnc ? ctx.pii.decrypt(p.phoneEnc) : null };
  });
}
