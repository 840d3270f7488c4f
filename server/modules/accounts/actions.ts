import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { DomainError, invalid, notFound } from '../../core/errors.ts';
import { generatePassword, hashPassword } from '../../core/password.ts';
import { type Actor, canAt } from '../../core/policy.ts';
import { destroyAccountSessions } from '../../core/session.ts';
import { type Role, account, grant } from '../../db/schema/accounts.ts';
import { territory } from '../../db/schema/territory.ts';
import { nodeInSight } from '../territory/queries.ts';
import './messages.ts';
import { ADMIN_ROLES, grantRefusal, isAdminRole, isAdministrator } from './rules.ts';

const safe = (a: typeof account.$inferSelect) => {
  const { passwordHash: _p, totpSecretEnc: _t, ...rest } = a;
  return rest;
};

export async function createAccount(ctx: AppContext, actor: Actor, input: { username: string; displayName: string; personId?: string | null | undefined }) {
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: account.id }).from(account).where(eq(account.username, input.username));
    if (taken) throw invalid('username', 'account.usernameTaken', { username: input.username });
    const [created] = await tx.insert(account).values({ ...input, passwordHash, mustChangePassword: true }).returning();
    await audit(tx, actor, { action: 'account.create', targetType: 'account', targetId: created!.id, after: safe(created!) });
    return { account: created!, initialPassword };
  });
}

async function accountById(tx: AppContext['db'], id: string) {
  const [a] = await tx.select().from(account).where(eq(account.id, id));
  if (!a) throw notFound('account', id);
  return a;
}

/**
 * An account the caller may manage: every live grant it holds lies in the caller's subtrees (one
 * without grants is anyone's to manage). Otherwise a street's security administrator could reset
 * a district administrator's password and log in with it. Such an account is not in the caller's
 * list either, so it answers 404 as if it did not exist. No administrator's account is anyone's
 * to manage (三员分立), the caller's own included.
 */
async function accountInScope(tx: AppContext['db'], actor: Actor, id: string) {
  const a = await accountById(tx, id);
  const held = await tx.select({ path: territory.path, role: grant.role }).from(grant).innerJoin(territory, eq(territory.id, grant.territoryId))
    .where(and(eq(grant.accountId, id), isNull(grant.revokedAt)));
  if (!held.every((g) => canAt(actor, 'account.manage', g.path))) throw notFound('account', id);
  if (isAdministrator(held.map((g) => g.role))) throw adminProtected(id);
  return a;
}

const adminProtected = (accountId: string) => new DomainError('account.adminProtected', 403, { accountId });
const adminRoleOnServer = (role: Role) => new DomainError('grant.adminRoleOnServer', 403, { role });

export async function updateAccount(ctx: AppContext, actor: Actor, id: string, input: { displayName?: string | undefined; totpRequired?: boolean | undefined; disabled?: boolean | undefined }) {
  return ctx.db.transaction(async (tx) => {
    const before = await accountInScope(tx, actor, id);
    const [after] = await tx.update(account).set(input).where(eq(account.id, id)).returning();
    if (input.disabled) await destroyAccountSessions(tx, id);
    await audit(tx, actor, { action: 'account.update', targetType: 'account', targetId: id, before: safe(before), after: safe(after!) });
    return after!;
  });
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: string) {
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  await ctx.db.transaction(async (tx) => {
    await accountInScope(tx, actor, id);
    await tx.update(account).set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null }).where(eq(account.id, id));
    await destroyAccountSessions(tx, id);
    await audit(tx, actor, { action: 'account.resetPassword', targetType: 'account', targetId: id });
  });
  return { initialPassword };
}

export async function unlockAccount(ctx: AppContext, actor: Actor, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await accountInScope(tx, actor, id);
    await tx.update(account).set({ failedLogins: 0, lockedUntil: null }).where(eq(account.id, id));
    await audit(tx, actor, { action: 'account.unlock', targetType: 'account', targetId: id, before: { lockedUntil: before.lockedUntil }, after: { lockedUntil: null } });
  });
}

export async function addGrant(ctx: AppContext, actor: Actor, input: { accountId: string; role: Role; territoryId: string }) {
  return ctx.db.transaction(async (tx) => {
    await accountById(tx, input.accountId);
    const node = await nodeInSight(tx, actor, 'account.manage', input.territoryId);
    if (isAdminRole(input.role)) throw adminRoleOnServer(input.role);
    const held = await tx.select({ role: grant.role }).from(grant).where(and(eq(grant.accountId, input.accountId), isNull(grant.revokedAt)));
    if (input.accountId !== actor.accountId && isAdministrator(held.map((h) => h.role))) throw adminProtected(input.accountId);
    const refusal = grantRefusal({ granterAccountId: actor.accountId, accountId: input.accountId, role: input.role, heldRoles: held.map((h) => h.role) });
    if (refusal) throw new DomainError(refusal, 422, {}, [{ field: refusal === 'grant.selfGrant' ? 'accountId' : 'role', code: refusal }]);
    const [created] = await tx.insert(grant).values(input).returning();
    await audit(tx, actor, { action: 'grant.create', targetType: 'account', targetId: input.accountId, territoryId: node.id, after: created });
    return created!;
  });
}

export async function revokeGrant(ctx: AppContext, actor: Actor, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [g] = await tx.select().from(grant).where(and(eq(grant.id, id), isNull(grant.revokedAt)));
    if (!g) throw notFound('grant', id);
    await nodeInSight(tx, actor, 'account.manage', g.territoryId);
    if (g.accountId === actor.accountId) throw new DomainError('grant.selfGrant', 422);
    const held = await tx.select({ role: grant.role }).from(grant).where(and(eq(grant.accountId, g.accountId), isNull(grant.revokedAt)));
    if (isAdministrator(held.map((h) => h.role))) throw adminProtected(g.accountId);
    const [after] = await tx.update(grant).set({ revokedAt: new Date() }).where(eq(grant.id, id)).returning();
    await audit(tx, actor, { action: 'grant.revoke', targetType: 'account', targetId: g.accountId, territoryId: g.territoryId, before: g, after });
  });
}

/**
 * The way back in for an administrator who lost their password: run on the server by whoever
 * holds its shell (`npm run admin:reset -- <username>`), never through the API, and audited as the
 * system. It also lifts a lock-out; the new password must be changed at the first login.
 */
export async function resetPasswordOnServer(db: AppContext['db'], username: string) {
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  await db.transaction(async (tx) => {
    const [a] = await tx.update(account).set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
      .where(eq(account.username, username)).returning({ id: account.id });
    if (!a) throw notFound('account', username);
    await destroyAccountSessions(tx, a.id);
    await audit(tx, { system: 'admin-reset' }, { action: 'account.resetPassword', targetType: 'account', targetId: a.id, after: { mustChangePassword: true, lockedUntil: null } });
  });
  return { initialPassword };
}

/**
 * Appoints one of the three administrators: run on the server (`npm run admin:appoint -- <username>
 * <role>`), never through the API, and audited as the system. A new account gets a one-time
 * password; an existing one keeps its own, unless it already holds another administrator role.
 * The grant is at the root of the tree, where the administrators work.
 */
export async function appointAdministratorOnServer(db: AppContext['db'], input: { username: string; role: Role; displayName?: string }) {
  if (!isAdminRole(input.role)) throw invalid('role', 'grant.notAdminRole', { roles: ADMIN_ROLES.join(', ') });
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return db.transaction(async (tx) => {
    const [root] = await tx.select().from(territory).where(eq(territory.depth, 0)).limit(1);
    if (!root) throw notFound('territory', 'root');
    const [existing] = await tx.select().from(account).where(eq(account.username, input.username)).for('update');
    const [a] = existing ? [existing]
      : await tx.insert(account).values({ username: input.username, displayName: input.displayName ?? input.username, passwordHash, mustChangePassword: true }).returning();
    const held = await tx.select({ role: grant.role }).from(grant).where(and(eq(grant.accountId, a!.id), isNull(grant.revokedAt)));
    if (held.some((h) => h.role === input.role)) throw new DomainError('grant.alreadyHeld', 409, { role: input.role });
    const refusal = grantRefusal({ granterAccountId: '', accountId: a!.id, role: input.role, heldRoles: held.map((h) => h.role) });
    if (refusal) throw new DomainError(refusal, 409);
    const [created] = await tx.insert(grant).values({ accountId: a!.id, role: input.role, territoryId: root.id }).returning();
    const system = { system: 'admin-appoint' };
    if (!existing) await audit(tx, system, { action: 'account.create', targetType: 'account', targetId: a!.id, after: safe(a!) });
    await audit(tx, system, { action: 'grant.create', targetType: 'account', targetId: a!.id, territoryId: root.id, after: created });
    return { accountId: a!.id, initialPassword: existing ? null : initialPassword };
  });
}
