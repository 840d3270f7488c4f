import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from './errors.ts';
import type { AppContext } from './context.ts';
import { grantsFor } from './policy.ts';
import { SESSION_COOKIE, loadSession } from './session.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before validation on every route: loads the session, enforces the route's permission,
 * CSRF on state-changing requests, and the forced password change / second factor set-up.
 */
export function authHook(ctx: AppContext) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    req.actor = null;
    req.csrfToken = null;
    const permission = req.routeOptions.config.permission;
    if (!permission) return; // not an API route (static files, docs)
    const token = req.cookies[SESSION_COOKIE];
    const loaded = token ? await loadSession(ctx.db, token, req.ip) : null;
    if (token && !loaded) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (loaded) {
      req.actor = loaded.actor;
      req.csrfToken = loaded.csrfToken;
    }
    if (permission === 'public') return;
    if (!loaded) throw new DomainError('unauthenticated', 401);
    if (!SAFE_METHODS.has(req.method) && !sameToken(req.headers['x-csrf-token'], loaded.csrfToken)) {
      throw new DomainError('csrf', 403);
    }
    if (permission === 'authenticated') return;
    if (loaded.account.mustChangePassword) throw new DomainError('auth.passwordChangeRequired', 403);
    const allowed = grantsFor(loaded.actor, permission);
    if (allowed.length === 0) throw new DomainError('forbidden', 403);
    if (loaded.account.totpRequired && !loaded.account.totpEnabled) throw new DomainError('auth.totpSetupRequired', 403);
    loaded.actor.role = allowed[0]!.role;
  };
}

function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}
