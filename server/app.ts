import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mapTileOrigins } from './config.ts';
import { authHook } from './core/auth-hook.ts';
import type { App, AppContext, Module, RouteEntry } from './core/context.ts';
import { pickLocale } from './core/i18n.ts';
import { problem, sendProblem } from './core/problem.ts';
import { modules } from './modules/index.ts';
import { keyByApiKey } from './modules/open311/keys.ts';
import { limitRoutes, rateBudgets } from './rate-limit.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface BuildOptions {
  logger?: boolean | object;
  modules?: Module[];
  serveWeb?: boolean;
}

/** Builds the Fastify app from the module list; nothing listens until the caller says so. */
export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    trustProxy: ctx.config.GONGZHI_TRUST_PROXY === '1',
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...mapTileOrigins(ctx.config)],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: ctx.config.NODE_ENV === 'production' ? [] : null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // Budgets on logins, the public list and Open311, attached to those routes as they register.
  await app.register(fastifyRateLimit, { global: false });
  limitRoutes(app, rateBudgets(ctx.config), async (key) => (await keyByApiKey(ctx.db, key)) !== null);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Gongzhi 共治 API', version: '0.1.0', description: '党建引领基层自治共治平台 API' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gz_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // The route table is kept so the authorization matrix can prove every API route has a case.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    if (isApi && !route.config?.permission) {
      throw new Error(`route ${route.method} ${route.url} declares no permission`);
    }
    if (!isApi) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, permission: route.config?.permission });
    }
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', authHook(ctx));
  app.setErrorHandler(sendProblem);

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, () => app.swagger());
  for (const m of opts.modules ?? modules) m.routes(app, ctx);

  const serveWeb = opts.serveWeb ?? existsSync(webDist);
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, index: false });
  app.setNotFoundHandler((req, reply) => {
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/open311/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return problem(reply, pickLocale(req.headers['accept-language']), 404, 'notFound', { what: 'route', id: req.url });
  });
  await app.ready();
  return app;
}
