import { and, asc, desc, eq, inArray, isNull, like } from 'drizzle-orm';
import { type Actor, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { body, bodyMember } from '../../db/schema/bodies.ts';
import { territory } from '../../db/schema/territory.ts';
import { idsOfPath } from '../territory/rules.ts';

/** The nodes a unit registers with: a street/town (or zone) or a community/village. */
export const UNIT_TARGET_KINDS = ['subdistrict', 'town', 'zone', 'neighborhood', 'village'] as const;

/**
 * The party organisations a liaison registers for — the party bodies in their reach they belong to —
 * each with the community and the street above it, the nodes it may register with, nearest first.
 */
export async function unitTargets(db: Db, actor: Actor) {
  if (!actor.personId) return [];
  const bodies = await db.select({ id: body.id, name: body.name, kind: body.kind, path: territory.path }).from(body)
    .innerJoin(territory, eq(territory.id, body.territoryId))
    .innerJoin(bodyMember, and(eq(bodyMember.bodyId, body.id), eq(bodyMember.personId, actor.personId), isNull(bodyMember.endedOn)))
    .where(and(isNull(body.retiredAt), like(body.kind, 'party\\_%'), scope(actor, 'unit-registration.submit', territory.path)))
    .orderBy(asc(body.name));
  const ids = [...new Set(bodies.flatMap((b) => idsOfPath(b.path)))];
  const nodes = ids.length ? await db.select({ id: territory.id, name: territory.name, kind: territory.kind }).from(territory)
    .where(and(inArray(territory.id, ids), inArray(territory.kind, [...UNIT_TARGET_KINDS]), eq(territory.retired, false)))
    .orderBy(desc(territory.depth)) : [];
  return bodies.map((b) => {
    const above = new Set(idsOfPath(b.path));
    return { body: { id: b.id, name: b.name, kind: b.kind }, targets: nodes.filter((n) => above.has(n.id)) };
  });
}
