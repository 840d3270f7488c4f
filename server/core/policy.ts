import { type SQL, sql } from 'drizzle-orm';
import type { Role } from '../db/schema/accounts.ts';
import { forbidden } from './errors.ts';

export interface ActorGrant {
  id: string;
  role: Role;
  territoryId: string;
  /** Materialised path of the granted node: everything whose path starts with it is covered. */
  path: string;
}

export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  personId: string | null;
  grants: ActorGrant[];
  ip: string;
  /** The role under which the current request acts (the first grant allowing its permission). */
  role: Role | null;
}

/** Who may do what: each module declares its permissions as data, the core enforces them. */
const registry = new Map<string, ReadonlySet<Role>>();

export function definePolicy<const P extends string>(rules: Record<P, readonly Role[]>): Record<P, P> {
  const names = {} as Record<P, P>;
  for (const [permission, roles] of Object.entries(rules) as [P, readonly Role[]][]) {
    if (registry.has(permission) && !sameRoles(registry.get(permission)!, roles)) {
      throw new Error(`permission ${permission} declared twice with different roles`);
    }
    registry.set(permission, new Set(roles));
    names[permission] = permission;
  }
  return names;
}

const sameRoles = (a: ReadonlySet<Role>, b: readonly Role[]) => a.size === b.length && b.every((r) => a.has(r));

export function rolesFor(permission: string): ReadonlySet<Role> {
  const roles = registry.get(permission);
  if (!roles) throw new Error(`unknown permission ${permission}`);
  return roles;
}

export function allPermissions(): string[] {
  return [...registry.keys()].sort();
}

export function grantsFor(actor: Actor, permission: string): ActorGrant[] {
  const roles = rolesFor(permission);
  return actor.grants.filter((g) => roles.has(g.role));
}

export function can(actor: Actor, permission: string): boolean {
  return grantsFor(actor, permission).length > 0;
}

/** True when a grant allowing `permission` covers the node with this path. */
export function canAt(actor: Actor, permission: string, path: string): boolean {
  return grantsFor(actor, permission).some((g) => path.startsWith(g.path));
}

export function authorizeAt(actor: Actor, permission: string, path: string): void {
  if (!canAt(actor, permission, path)) throw forbidden();
}

/**
 * The SQL condition restricting a path column to the caller's granted subtrees for a
 * permission. No grant → `false`, so a missing right matches nothing.
 */
export function scope(actor: Actor, permission: string, pathColumn: SQL | SQL.Aliased | unknown): SQL {
  const paths = minimalPaths(grantsFor(actor, permission).map((g) => g.path));
  if (paths.length === 0) return sql`false`;
  const col = pathColumn as SQL;
  return sql`(${sql.join(paths.map((p) => sql`${col} like ${likePrefix(p)}`), sql` or `)})`;
}

/** Drops paths covered by another path in the list. */
export function minimalPaths(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(q)));
}

export const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, '\\$&')}%`;
