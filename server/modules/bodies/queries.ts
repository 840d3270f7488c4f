import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { type Actor, likePrefix, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { body, bodyMember } from '../../db/schema/bodies.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { authorizeRecord, nodeInSight } from '../territory/queries.ts';

// The outer column is spelled out: in a select list drizzle would render it unqualified.
const memberCount = sql<number>`(select count(*)::int from ${bodyMember} m where m.body_id = "body"."id" and m.ended_on is null)`;

export async function listBodies(db: Db, actor: Actor, q: { territoryId?: string | undefined; subtree?: boolean | undefined; mine?: boolean | undefined }) {
  const conds = [isNull(body.retiredAt), scope(actor, 'body.read', territory.path)];
  if (q.territoryId) {
    const n = await nodeInSight(db, actor, 'body.read', q.territoryId);
    conds.push(q.subtree ? like(territory.path, likePrefix(n.path)) : eq(body.territoryId, n.id));
  }
  if (q.mine) {
    conds.push(sql`exists (select 1 from ${bodyMember} m where m.body_id = "body"."id" and m.ended_on is null and m.person_id = ${actor.personId ?? '00000000-0000-0000-0000-000000000000'})`);
  }
  return db
    .select({ id: body.id, name: body.name, kind: body.kind, territoryId: body.territoryId, territoryName: territory.name, memberCount })
    .from(body)
    .innerJoin(territory, eq(territory.id, body.territoryId))
    .where(and(...conds))
    .orderBy(asc(territory.depth), asc(body.kind), asc(body.name))
    .limit(500);
}

export async function bodyInScope(db: Db, actor: Actor, permission: string, id: string) {
  const [row] = await db.select({ b: body, path: territory.path, territoryName: territory.name }).from(body).innerJoin(territory, eq(territory.id, body.territoryId)).where(eq(body.id, id));
  if (!row) throw notFound('body', id);
  authorizeRecord(actor, permission, 'body.read', row.path, 'body', id);
  return row;
}

export async function bodyDetail(db: Db, actor: Actor, id: string) {
  const { b, territoryName } = await bodyInScope(db, actor, 'body.read', id);
  const members = await db
    .select({ id: bodyMember.id, personId: bodyMember.personId, name: person.name, position: bodyMember.position, since: bodyMember.since })
    .from(bodyMember)
    .innerJoin(person, eq(person.id, bodyMember.personId))
    .where(and(eq(bodyMember.bodyId, id), isNull(bodyMember.endedOn)))
    .orderBy(sql`array_position(array['secretary','deputy_secretary','director','deputy_director','manager','committee_member','liaison','mediator','member']::text[], ${bodyMember.position})`, asc(person.name));
  return { id: b.id, name: b.name, kind: b.kind, territoryId: b.territoryId, territoryName, members };
}
