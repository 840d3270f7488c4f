import { eq, inArray } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { idsOfPath } from '../territory/rules.ts';

/** The person a member acts as. */
export function memberPerson(actor: Actor): string {
  if (!actor.personId) throw new DomainError('member.noPerson', 409);
  return actor.personId;
}

/**
 * The communities a member may register with: the one of their home first, then any other where
 * they hold the party_member role (someone who lives in two places).
 */
export async function memberCommunities(db: Db, actor: Actor, personId: string) {
  const [home] = await db.select({ path: territory.path }).from(person).innerJoin(territory, eq(territory.id, person.territoryId)).where(eq(person.id, personId));
  const paths = [home?.path, ...actor.grants.filter((g) => g.role === 'party_member').map((g) => g.path)];
  const ids = [...new Set(paths.flatMap((p) => (p ? [idsOfPath(p)[2]] : [])).filter((id): id is string => !!id))];
  if (ids.length === 0) return [];
  const rows = await db.select({ id: territory.id, name: territory.name }).from(territory).where(inArray(territory.id, ids));
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}
