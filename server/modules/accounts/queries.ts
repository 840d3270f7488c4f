import { and, asc, eq, ilike, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { account, grant } from '../../db/schema/accounts.ts';
import { territory } from '../../db/schema/territory.ts';

export async function listAccounts(db: Db, q: string | undefined) {
  const like = q ? `%${q.replace(/[\\%_]/g, '\\$&')}%` : undefined;
  const accounts = await db
    .select()
    .from(account)
    .where(like ? or(ilike(account.username, like), ilike(account.displayName, like)) : undefined)
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
  return accounts.map((a) => ({
    id: a.id, username: a.username, displayName: a.displayName, personId: a.personId,
    lockedUntil: a.lockedUntil && a.lockedUntil.getTime() > Date.now() ? a.lockedUntil.toISOString() : null,
    disabled: a.disabled, mustChangePassword: a.mustChangePassword, totpEnabled: a.totpEnabled, totpRequired: a.totpRequired,
    grants: grants.filter((g) => g.accountId === a.id).map(({ accountId: _a, ...g }) => g),
  }));
}
