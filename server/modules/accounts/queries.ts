import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Actor, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { account, grant } from '../../db/schema/accounts.ts';
import { territory } from '../../db/schema/territory.ts';
import { isAdministrator } from './rules.ts';

/** Accounts the caller may manage: none of their live grants lies outside the caller's subtrees. */
const manageable = (actor: Actor) => sql`not exists (
  select 1 from "grant" g join ${territory} t on t.id = g.territory_id
  where g.account_id = "account"."id" and g.revoked_at is null and not ${scope(actor, 'account.manage', sql`t.path`)})`;

export async function listAccounts(db: Db, actor: Actor, q: string | undefined) {
  const like = q ? `%${q.replace(/[\\%_]/g, '\\$&')}%` : undefined;
  const accounts = await db
    .select()
    .from(account)
    .where(and(manageable(actor), like ? or(ilike(account.username, like), ilike(account.displayName, like)) : undefined))
    .orderBy(asc(account.username))
    .limit(200);
  const ids = accounts.map((a) => a.id);
  const grants = ids.length
    ? await db
        .select({ id: grant.id, accountId: grant.accountId, role: grant.role, territoryId: grant.territoryId, territoryName: territory.name, territoryKind: territory.kind, territoryCode: territory.code })
        .from(grant)
        .innerJoin(territory, eq(territory.id, grant.territoryId))
        .where(and(inArray(grant.accountId, ids), isNull(grant.revokedAt)))
    : [];
  return accounts.map((a) => {
    const held = grants.filter((g) => g.accountId === a.id).map(({ accountId: _a, ...g }) => g);
    return {
    id: a.id, username: a.username, displayName: a.displayName, personId: a.personId,
    lockedUntil: a.lockedUntil && a.lockedUntil.getTime() > Date.now() ? a.lockedUntil.toISOString() : null,
    disabled: a.disabled, mustChangePassword: a.mustChangePassword, totpEnabled: a.totpEnabled, totpRequired: a.totpRequired,
    grants: held,
    administrator: isAdministrator(held.map((g) => g.role)),
  };
  });
}
