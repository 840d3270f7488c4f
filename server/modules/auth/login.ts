import { eq, sql } from 'drizzle-orm';
import { verify as verifyTotp } from 'otplib';
import type { AppContext } from '../../core/context.ts';
import { audit } from '../../core/audit.ts';
import { DomainError } from '../../core/errors.ts';
import { normalizePhone } from '../../core/pii.ts';
import { hashPassword, verifyPassword } from '../../core/password.ts';
import { createSession } from '../../core/session.ts';
import { account } from '../../db/schema/accounts.ts';
import { person } from '../../db/schema/people.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;
/** Verified against when the name is unknown, so both answers take the same time. */
let dummyHash: Promise<string> | undefined;

/** Logs in by username or by the phone number of the account's person. */
export async function login(ctx: AppContext, input: { username: string; password: string; totp?: string }, ip: string) {
  const found = await findAccount(ctx, input.username.trim());
  if (!found) {
    dummyHash ??= hashPassword('unknown-account-Pa55');
    await verifyPassword(await dummyHash, input.password);
    throw new DomainError('auth.invalidCredentials', 401);
  }
  const who = { accountId: found.id, username: found.username, role: null, ip };
  if (found.lockedUntil && found.lockedUntil.getTime() > Date.now()) {
    throw new DomainError('auth.locked', 423, { lockedUntil: found.lockedUntil.toISOString() });
  }
  if (found.disabled || !(await verifyPassword(found.passwordHash, input.password))) {
    await failed(ctx, found.id, who, 'auth.invalidCredentials');
  }
  if (found.totpEnabled) {
    if (!input.totp) throw new DomainError('auth.totpRequired', 401);
    const secret = ctx.pii.decrypt(found.totpSecretEnc!);
    const ok = /^\d{6}$/.test(input.totp) && (await verifyTotp({ secret, token: input.totp, epochTolerance: 30 })).valid;
    if (!ok) await failed(ctx, found.id, who, 'auth.totpInvalid');
  }
  return ctx.db.transaction(async (tx) => {
    await tx.update(account).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(account.id, found.id));
    await audit(tx, who, { action: 'auth.login', targetType: 'account', targetId: found.id });
    return createSession(tx, found.id, ip);
  });
}

async function findAccount(ctx: AppContext, name: string) {
  const [byName] = await ctx.db.select().from(account).where(eq(account.username, name));
  if (byName) return byName;
  const phone = normalizePhone(name);
  if (!/^1\d{10}$/.test(phone)) return undefined;
  const [byPhone] = await ctx.db
    .select({ a: account })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(eq(person.phoneHash, ctx.pii.hash(phone)))
    .limit(1);
  return byPhone?.a;
}

/** Counts a failure atomically; the fifth in a row locks the account for 15 minutes. */
async function failed(ctx: AppContext, accountId: string, who: Parameters<typeof audit>[1], code: string): Promise<never> {
  const lockedUntil = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(account)
      .set({
        failedLogins: sql`case when ${account.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then 0 else ${account.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${account.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then now() + interval '15 minutes' else ${account.lockedUntil} end`,
      })
      .where(eq(account.id, accountId))
      .returning({ lockedUntil: account.lockedUntil });
    const locked = row?.lockedUntil && row.lockedUntil.getTime() > Date.now();
    await audit(tx, who, { action: locked ? 'auth.locked' : 'auth.loginFailed', targetType: 'account', targetId: accountId });
    return locked ? row.lockedUntil : null;
  });
  if (lockedUntil) throw new DomainError('auth.locked', 423, { lockedUntil: lockedUntil.toISOString() });
  throw new DomainError(code, 401);
}
