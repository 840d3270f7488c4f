import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { DomainError } from '../../core/errors.ts';
import { allPermissions, can } from '../../core/policy.ts';
import { ABSOLUTE_LIFETIME_MS, SESSION_COOKIE, destroySession } from '../../core/session.ts';
import { account } from '../../db/schema/accounts.ts';
import { territory } from '../../db/schema/territory.ts';
import { changePassword, enableTotp, setupTotp } from './account-security.ts';
import { homeFor } from './home.ts';
import { login } from './login.ts';

const grantOut = z.object({
  id: z.string(), role: z.string(), territoryId: z.string(), territoryName: z.string(),
  territoryKind: z.string(), territoryCode: z.string().nullable(),
});

export function authRoutes(app: App, ctx: AppContext) {
  const secure = ctx.config.NODE_ENV === 'production';

  app.post('/api/auth/login', {
    config: { permission: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Log in by username or phone',
      body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128), totp: z.string().max(8).optional() }),
      response: { 200: z.object({ ok: z.literal(true) }) },
    },
  }, async (req, reply) => {
    const { token } = await login(ctx, req.body, req.ip);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: ABSOLUTE_LIFETIME_MS / 1000,
    });
    return { ok: true as const };
  });

  app.post('/api/auth/logout', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Log out', response: { 204: z.null() } },
  }, async (req, reply) => {
    await destroySession(ctx.db, req.cookies[SESSION_COOKIE]!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/auth/session', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['auth'],
      summary: 'The current account, its grants, permissions and CSRF token',
      response: {
        200: z.object({
          account: z.object({
            id: z.string(), username: z.string(), displayName: z.string(), personId: z.string().nullable(),
            mustChangePassword: z.boolean(), totpEnabled: z.boolean(), totpRequired: z.boolean(),
          }),
          grants: z.array(grantOut),
          permissions: z.array(z.string()),
          home: z.string(),
          csrfToken: z.string(),
        }),
      },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const [a] = await ctx.db.select().from(account).where(eq(account.id, actor.accountId));
    const ids = actor.grants.map((g) => g.territoryId);
    const nodes = ids.length ? await ctx.db.select().from(territory).where(inArray(territory.id, ids)) : [];
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return {
      account: {
        id: a!.id, username: a!.username, displayName: a!.displayName, personId: a!.personId,
        mustChangePassword: a!.mustChangePassword, totpEnabled: a!.totpEnabled, totpRequired: a!.totpRequired,
      },
      grants: actor.grants.map((g) => {
        const n = byId.get(g.territoryId)!;
        return { id: g.id, role: g.role, territoryId: g.territoryId, territoryName: n.name, territoryKind: n.kind, territoryCode: n.code };
      }),
      permissions: allPermissions().filter((p) => can(actor, p)),
      home: a!.mustChangePassword ? '/change-password' : homeFor(actor.grants[0]),
      csrfToken: req.csrfToken!,
    };
  });

  app.post('/api/auth/password', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['auth'],
      summary: 'Change my password',
      body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }),
      response: { 204: z.null() },
    },
  }, async (req, reply) => {
    await changePassword(ctx, actorOf(req), req.body);
    return reply.code(204).send(null);
  });

  app.post('/api/auth/totp/setup', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Start TOTP enrolment', response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }) } },
  }, async (req) => {
    const [a] = await ctx.db.select({ enabled: account.totpEnabled }).from(account).where(eq(account.id, actorOf(req).accountId));
    if (a?.enabled) throw new DomainError('validation', 409, {}, [{ field: 'totp', code: 'field.invalid', params: { reason: 'TOTP already enabled' } }]);
    return setupTotp(ctx, actorOf(req));
  });

  app.post('/api/auth/totp/enable', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Confirm TOTP with a code', body: z.object({ code: z.string().regex(/^\d{6}$/) }), response: { 204: z.null() } },
  }, async (req, reply) => {
    await enableTotp(ctx, actorOf(req), req.body.code);
    return reply.code(204).send(null);
  });
}
