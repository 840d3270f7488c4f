import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Pii } from './pii.ts';
import type { Actor } from './policy.ts';

export interface AppContext {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  pii: Pii;
  keySource: 'env' | 'file';
  config: Config;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A module registers its routes; every route names the permission it needs in `config.permission`. */
export interface Module {
  name: string;
  routes(app: App, ctx: AppContext): void;
}

/**
 * `public`: anyone; `authenticated`: any logged-in account, even one that must still change its
 * password; otherwise a permission declared by a module policy.
 */
export type RoutePermission = 'public' | 'authenticated' | (string & {});

/** One API route as registered: HEAD twins of GET routes are left out (same handler, same hook). */
export interface RouteEntry {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

/** The acting caller of a route whose permission the auth hook has already checked. */
export function actorOf(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw new Error('route reached without an actor');
  return req.actor;
}
