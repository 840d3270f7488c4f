import { type SQL, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { type Actor, grantsFor, likePrefix, minimalPaths } from '../../core/policy.ts';
import { idsOfPath } from '../territory/rules.ts';

/** The street (subdistrict or town) a path lies in: district / street / … */
export function streetOf(path: string): string {
  const ids = idsOfPath(path);
  return ids.length <= 2 ? path : `/${ids.slice(0, 2).join('/')}/`;
}

/**
 * Where the caller reaches for a permission: staff their granted subtrees, members the whole
 * street of their community, because members serve beyond their own doorstep.
 */
export function reachPaths(actor: Actor, permission: string, roles?: readonly string[]): string[] {
  const grants = grantsFor(actor, permission).filter((g) => !roles || roles.includes(g.role));
  return minimalPaths(grants.map((g) => (g.role === 'party_member' ? streetOf(g.path) : g.path)));
}

/** The caller's own community paths as a member, to list nearby things first. */
export function memberCommunities(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'party_member').map((g) => g.path);
}

export function underAny(paths: string[], col: unknown): SQL {
  if (paths.length === 0) return sql`false`;
  return sql`(${sql.join(paths.map((p) => sql`${col as SQL} like ${likePrefix(p)}`), sql` or `)})`;
}

export const reaches = (paths: string[], path: string) => paths.some((p) => path.startsWith(p));

/** The person a member acts as: joining and claiming need one. */
export function memberPerson(actor: Actor): string {
  if (!actor.personId) throw new DomainError('member.noPerson', 409);
  return actor.personId;
}

/** Orders rows in the member's own community before the rest of the street (nothing to order for staff). */
export function ownCommunityFirst(actor: Actor, col: unknown): SQL[] {
  const own = memberCommunities(actor);
  return own.length ? [sql`case when ${underAny(own, col)} then 0 else 1 end`] : [];
}
