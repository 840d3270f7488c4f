import { count } from 'drizzle-orm';
import { z } from 'zod';
import type { App, AppContext } from '../../core/context.ts';
import { mapSettings } from '../../config.ts';
import { countMigrations } from '../../db/client.ts';
import { account } from '../../db/schema/accounts.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { systemPolicy as P } from './policy.ts';

export const VERSION = '0.1.0';

export function systemRoutes(app: App, ctx: AppContext) {
  app.get('/api/health', {
    config: { permission: 'public' },
    schema: { tags: ['system'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/api/system/map', {
    config: { permission: 'public' },
    schema: {
      tags: ['system'], summary: 'The map tile source and the coordinate system its tiles are drawn in',
      response: {
        200: z.object({
          tiles: z.string(), subdomains: z.array(z.string()), attribution: z.string(), crs: z.enum(['gcj02', 'wgs84']),
        }),
      },
    },
  }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return mapSettings(ctx.config);
  });

  app.get('/api/system', {
    config: { permission: P['system.read'] },
    schema: {
      tags: ['system'], summary: 'What this installation runs on',
      response: {
        200: z.object({
          version: z.string(), database: z.enum(['pglite', 'postgres']), demo: z.boolean(), migrations: z.number(),
          keySource: z.enum(['env', 'file']), counts: z.object({ territories: z.number(), people: z.number(), accounts: z.number() }),
        }),
      },
    },
  }, async () => {
    const [[t], [p], [a], migrations] = await Promise.all([
      ctx.db.select({ n: count() }).from(territory),
      ctx.db.select({ n: count() }).from(person),
      ctx.db.select({ n: count() }).from(account),
      countMigrations(ctx.db),
    ]);
    return {
      version: VERSION, database: ctx.dbKind, demo: ctx.config.demo, migrations, keySource: ctx.keySource,
      counts: { territories: t!.n, people: p!.n, accounts: a!.n },
    };
  });
}
