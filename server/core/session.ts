import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { account, grant, session } from '../db/schema/accounts.ts';
import { territory } from '../db/schema/territory.ts';
import type { Actor, ActorGrant } from './policy.ts';

export const SESSION_COOKIE = 'gz_session';
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_LIFETIME_MS = 12 * 3600_000;
/** lastSeenAt is written at most this often, so reads do not all become writes. */
const TOUCH_EVERY_MS = 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(db: Db, accountId: string, ip: string) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = Date.now();
  await db.insert(session).values({
    tokenHash: sha256(token),
    accountId,
    csrfToken,
    ip,
    expiresAt: new Date(now + ABSOLUTE_LIFETIME_MS),
  });
  return { token, csrfToken };
}

export async function destroySession(db: Db, token: string) {
  await db.delete(session).where(eq(session.tokenHash, sha256(token)));
}

export async function destroyAccountSessions(db: Db, accountId: string) {
  await db.delete(session).where(eq(session.accountId, accountId));
}

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
  account: typeof account.$inferSelect;
}

/** The live session for a cookie token, or null when absent, idle too long or past its lifetime. */
export async function loadSession(db: Db, token: string, ip: string): Promise<LoadedSession | null> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ s: session, a: account })
    .from(session)
    .innerJoin(account, eq(account.id, session.accountId))
    .where(eq(session.tokenHash, tokenHash));
  if (!row) return null;
  const now = Date.now();
  if (row.a.disabled || row.s.expiresAt.getTime() <= now || row.s.lastSeenAt.getTime() + IDLE_TIMEOUT_MS <= now) {
    await db.delete(session).where(eq(session.tokenHash, tokenHash));
    return null;
  }
  if (now - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(session).set({ lastSeenAt: new Date(now) }).where(eq(session.tokenHash, tokenHash));
  }
  const grants = await loadGrants(db, row.a.id);
  return {
    csrfToken: row.s.csrfToken,
    account: row.a,
    actor: {
      accountId: row.a.id,
      username: row.a.username,
      displayName: row.a.displayName,
      personId: row.a.personId,
      grants,
      ip,
      role: null,
    },
  };
}

export async function loadGrants(db: Db, accountId: string): Promise<ActorGrant[]> {
  return db
    .select({ id: grant.id, role: grant.role, territoryId: grant.territoryId, path: territory.path })
    .from(grant)
    .innerJoin(territory, eq(territory.id, grant.territoryId))
    .where(and(eq(grant.accountId, accountId), isNull(grant.revokedAt)))
    .orderBy(grant.createdAt);
}

export async function purgeExpiredSessions(db: Db) {
  await db
    .delete(session)
    .where(sql`${session.expiresAt} < now() or ${lt(session.lastSeenAt, new Date(Date.now() - IDLE_TIMEOUT_MS))}`);
}
