import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { demandsPolicy as P } from '../demands/policy.ts';
import { issueKey } from './actions/issue-key.ts';
import { revokeKey } from './actions/revoke-key.ts';
import { georeportRoutes } from './georeport-routes.ts';
import { keyOut, listKeys } from './keys.ts';

const tags = ['open311'];

/** The sysadmin's keys (under /api) and the GeoReport v2 API itself (under /open311/v2). */
export function open311Routes(app: App, ctx: AppContext) {
  app.get('/api/open311-keys', {
    config: { permission: P['open311.keys'] },
    schema: { tags, summary: 'Open311 keys tied to nodes inside the caller\'s grants', response: { 200: z.object({ items: z.array(keyOut) }) } },
  }, async (req) => ({ items: await listKeys(ctx.db, actorOf(req)) }));

  app.post('/api/open311-keys', {
    config: { permission: P['open311.keys'] },
    schema: {
      tags, summary: 'Issue an Open311 key tied to a node; the key is in this answer only',
      body: z.object({ name: z.string().trim().min(1).max(60), territoryId: z.uuid() }),
      response: { 201: keyOut },
    },
  }, async (req, reply) => reply.code(201).send(await issueKey(ctx, actorOf(req), req.body)));

  app.post('/api/open311-keys/:id/revoke', {
    config: { permission: P['open311.keys'] },
    schema: { tags, summary: 'Revoke an Open311 key: its next request is refused', params: z.object({ id: z.uuid() }), response: { 200: keyOut } },
  }, async (req) => revokeKey(ctx, actorOf(req), req.params.id));

  georeportRoutes(app, ctx);
}
