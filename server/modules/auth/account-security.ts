import { eq } from 'drizzle-orm';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { DomainError, invalid } from '../../core/errors.ts';
import { hashPassword, meetsPasswordPolicy, verifyPassword } from '../../core/password.ts';
import type { Actor } from '../../core/policy.ts';
import { account } from '../../db/schema/accounts.ts';

export async function changePassword(ctx: AppContext, actor: Actor, input: { currentPassword: string; newPassword: string }) {
  const [a] = await ctx.db.select().from(account).where(eq(account.id, actor.accountId));
  if (!a || !(await verifyPassword(a.passwordHash, input.currentPassword))) {
    throw new DomainError('validation', 422, {}, [{ field: 'currentPassword', code: 'auth.wrongPassword' }]);
  }
  if (!meetsPasswordPolicy(input.newPassword)) throw invalid('newPassword', 'password.policy');
  if (input.newPassword === input.currentPassword) throw invalid('newPassword', 'password.reused');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(account).set({ passwordHash, mustChangePassword: false }).where(eq(account.id, a.id));
    await audit(tx, actor, { action: 'account.changePassword', targetType: 'account', targetId: a.id });
  });
}

/** Starts TOTP enrolment: a new secret, kept encrypted and inactive until a code proves it. */
export async function setupTotp(ctx: AppContext, actor: Actor) {
  const secret = generateSecret();
  await ctx.db.update(account).set({ totpSecretEnc: ctx.pii.encrypt(secret), totpEnabled: false }).where(eq(account.id, actor.accountId));
  return { secret, otpauthUrl: generateURI({ issuer: 'Gongzhi 共治', label: actor.username, secret }) };
}

export async function enableTotp(ctx: AppContext, actor: Actor, code: string) {
  const [a] = await ctx.db.select().from(account).where(eq(account.id, actor.accountId));
  if (!a?.totpSecretEnc) throw invalid('code', 'auth.totpInvalid');
  const { valid } = await verifyTotp({ secret: ctx.pii.decrypt(a.totpSecretEnc), token: code, epochTolerance: 30 });
  if (!valid) throw invalid('code', 'auth.totpInvalid');
  await ctx.db.transaction(async (tx) => {
    await tx.update(account).set({ totpEnabled: true }).where(eq(account.id, a.id));
    await audit(tx, actor, { action: 'account.enableTotp', targetType: 'account', targetId: a.id });
  });
}
