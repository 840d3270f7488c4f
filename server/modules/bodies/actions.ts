import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { DomainError, invalid, notFound } from '../../core/errors.ts';
import { type Actor, canAt } from '../../core/policy.ts';
import { type BodyKind, type Position, body, bodyMember } from '../../db/schema/bodies.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { nodeInSight } from '../territory/queries.ts';
import { bodyInScope } from './queries.ts';

export async function createBody(ctx: AppContext, actor: Actor, input: { territoryId: string; name: string; kind: BodyKind }) {
  return ctx.db.transaction(async (tx) => {
    const node = await nodeInSight(tx, actor, 'body.write', input.territoryId);
    if (node.retired) throw invalid('territoryId', 'territory.retired');
    const [created] = await tx.insert(body).values(input).returning();
    await audit(tx, actor, { action: 'body.create', targetType: 'body', targetId: created!.id, territoryId: node.id, after: created });
    return created!;
  });
}

export async function renameBody(ctx: AppContext, actor: Actor, id: string, name: string) {
  return ctx.db.transaction(async (tx) => {
    const { b } = await bodyInScope(tx, actor, 'body.write', id);
    const [after] = await tx.update(body).set({ name }).where(eq(body.id, id)).returning();
    await audit(tx, actor, { action: 'body.rename', targetType: 'body', targetId: id, territoryId: b.territoryId, before: { name: b.name }, after: { name } });
    return after!;
  });
}

/** A person takes a position in a body; the person must lie within the caller's territory. */
export async function addMember(ctx: AppContext, actor: Actor, bodyId: string, input: { personId: string; position: Position }) {
  return ctx.db.transaction(async (tx) => {
    const { b } = await bodyInScope(tx, actor, 'body.write', bodyId);
    const [p] = await tx.select({ id: person.id, path: territory.path }).from(person).innerJoin(territory, eq(territory.id, person.territoryId)).where(eq(person.id, input.personId));
    if (!p) throw notFound('person', input.personId);
    if (!canAt(actor, 'person.read', p.path)) throw invalid('personId', 'body.personOutOfScope');
    const [dup] = await tx.select({ id: bodyMember.id }).from(bodyMember).where(and(eq(bodyMember.bodyId, bodyId), eq(bodyMember.personId, input.personId), eq(bodyMember.position, input.position), isNull(bodyMember.endedOn)));
    if (dup) throw new DomainError('validation', 409, {}, [{ field: 'personId', code: 'field.invalid', params: { reason: 'already holds this position' } }]);
    const [m] = await tx.insert(bodyMember).values({ bodyId, ...input }).returning();
    await audit(tx, actor, { action: 'body.addMember', targetType: 'body', targetId: bodyId, territoryId: b.territoryId, after: m });
    return m!;
  });
}

export async function endMember(ctx: AppContext, actor: Actor, bodyId: string, memberId: string) {
  return ctx.db.transaction(async (tx) => {
    const { b } = await bodyInScope(tx, actor, 'body.write', bodyId);
    const [m] = await tx.update(bodyMember).set({ endedOn: new Date().toISOString().slice(0, 10) })
      .where(and(eq(bodyMember.id, memberId), eq(bodyMember.bodyId, bodyId), isNull(bodyMember.endedOn))).returning();
    if (!m) throw notFound('member', memberId);
    await audit(tx, actor, { action: 'body.endMember', targetType: 'body', targetId: bodyId, territoryId: b.territoryId, after: m });
  });
}
