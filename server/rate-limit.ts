import type { FastifyRequest, onRequestHookHandler, preValidationHookHandler, RouteOptions } from 'fastify';
import type { Config } from './config.ts';
import type { App } from './core/context.ts';

/** Requests a minute an instance lets through, per group; 0 turns a group's limit off. */
export interface RateBudgets {
  /** POST /api/auth/login, per client address. */
  login: number;
  /** The public 公示 routes (/api/public/*) and the owners' receipt check, per client address. */
  public: number;
  /** Every /open311/v2 route together, per live api_key (per client address when none, or an unknown one, is sent). */
  open311: number;
}

const DEFAULTS: RateBudgets = { login: 30, public: 120, open311: 300 };
/**
 * Tests and the demo (whose browser journeys share one server and log in from one address far
 * faster than people do) run with budgets nobody reaches, unless they set one.
 */
const UNREACHED = 1_000_000;
const MINUTE = 60_000;

export function rateBudgets(c: Config): RateBudgets {
  const pick = (set: number | undefined, fallback: number) => set ?? (c.NODE_ENV === 'test' || c.demo ? UNREACHED : fallback);
  return {
    login: pick(c.GONGZHI_RATE_LOGIN, DEFAULTS.login),
    public: pick(c.GONGZHI_RATE_PUBLIC, DEFAULTS.public),
    open311: pick(c.GONGZHI_RATE_OPEN311, DEFAULTS.open311),
  };
}

/** The api_key as sent (form, JSON or query string), before it is checked. */
function sentKey(req: FastifyRequest): string | null {
  const sent = (req.body as { api_key?: unknown } | undefined)?.api_key ?? (req.query as { api_key?: unknown } | undefined)?.api_key;
  return typeof sent === 'string' && sent !== '' ? sent : null;
}

const addHook = <H>(route: RouteOptions, hook: 'onRequest' | 'preValidation', handler: H, first = false) => {
  const existing = route[hook] as unknown;
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  (route as unknown as Record<string, unknown>)[hook] = first ? [handler, ...list] : [...list, handler];
};

/**
 * Puts the budgets on the routes as they are registered (call after @fastify/rate-limit is
 * registered, before the modules' routes). Counters live in this instance's memory: behind a
 * proxy with N instances a client can reach up to N times a budget. Over budget answers 429 with
 * Retry-After, through the route's own error handler (problem+json under /api, the GeoReport
 * error list under /open311).
 */
export function limitRoutes(app: App, budgets: RateBudgets, isLiveKey: (key: string) => Promise<boolean> = async () => true) {
  const byAddress = (max: number) => app.rateLimit({ max, timeWindow: MINUTE, keyGenerator: (req) => `ip:${req.ip}` });
  const login = budgets.login > 0 ? byAddress(budgets.login) : null;
  const publicList = budgets.public > 0 ? byAddress(budgets.public) : null;
  // One counter over every Open311 route. A live key has its own budget; a made-up or revoked one
  // counts against the address it came from, so inventing keys buys no fresh budget. Whether a key
  // is live is remembered for a minute (a key revoked meanwhile keeps its own budget that long).
  const known = new Map<string, { live: boolean; until: number }>();
  const live = async (key: string) => {
    const now = Date.now();
    const hit = known.get(key);
    if (hit && hit.until > now) return hit.live;
    const answer = await isLiveKey(key);
    if (known.size > 10_000) known.clear();
    known.set(key, { live: answer, until: now + MINUTE });
    return answer;
  };
  const open311 = budgets.open311 > 0
    ? app.rateLimit({ max: budgets.open311, timeWindow: MINUTE, hook: 'preValidation', keyGenerator: async (req) => {
      const key = sentKey(req);
      return key && (await live(key)) ? `key:${key}` : `ip:${req.ip}`;
    } })
    : null;
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (login && route.url === '/api/auth/login' && methods.includes('POST')) addHook<onRequestHookHandler>(route, 'onRequest', login as never);
    else if (publicList && (route.url.startsWith('/api/public/') || route.url.endsWith('/receipt-check'))) addHook<onRequestHookHandler>(route, 'onRequest', publicList as never);
    else if (open311 && route.url.startsWith('/open311/v2/')) addHook<preValidationHookHandler>(route, 'preValidation', open311 as never, true);
  });
}
