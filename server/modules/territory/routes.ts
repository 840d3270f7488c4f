import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { pickLocale } from '../../core/i18n.ts';
import { grantsFor, minimalPaths } from '../../core/policy.ts';
import { territoryKinds } from '../../db/schema/territory.ts';
import { createNode } from './actions/create-node.ts';
import { moveNode, renameNode, retireNode } from './actions/change-node.ts';
import { importTerritoryFile } from './actions/import-territories.ts';
import { territoryPolicy as P } from './policy.ts';
import { nodeOut, presentNode } from './presenters.ts';
import { children, nodeDetail, overview, roots, search } from './queries.ts';

const idParams = z.object({ id: z.uuid() });
const list = z.object({ items: z.array(nodeOut) });
const tags = ['territory'];

export function territoryRoutes(app: App, ctx: AppContext) {
  app.get('/api/territories/roots', {
    config: { permission: P['territory.read'] },
    schema: { tags, summary: 'The nodes the caller is granted', response: { 200: list } },
  }, async (req) => ({ items: await roots(ctx.db, actorOf(req)) }));

  app.get('/api/territories', {
    config: { permission: P['territory.read'] },
    schema: {
      tags,
      summary: 'Find nodes by official code (exact) or by name/code text, within the caller\'s subtrees',
      querystring: z.object({ code: z.string().max(32).optional(), q: z.string().min(1).max(64).optional() })
        .refine((v) => v.code || v.q, { message: 'code or q is required', path: ['q'] }),
      response: { 200: list },
    },
  }, async (req) => ({ items: await search(ctx.db, actorOf(req), req.query) }));

  app.get('/api/territories/:id', {
    config: { permission: P['territory.read'] },
    schema: {
      tags, summary: 'A node with its ancestors and counts', params: idParams,
      response: {
        200: nodeOut.extend({
          ancestors: z.array(nodeOut),
          counts: z.object({ children: z.number(), bodies: z.number(), people: z.number(), households: z.number() }),
        }),
      },
    },
  }, async (req) => nodeDetail(ctx.db, actorOf(req), req.params.id));

  app.get('/api/territories/:id/children', {
    config: { permission: P['territory.read'] },
    schema: { tags, summary: 'Children of a node', params: idParams, response: { 200: list } },
  }, async (req) => ({ items: await children(ctx.db, actorOf(req), req.params.id) }));

  app.post('/api/territories', {
    config: { permission: P['territory.write'] },
    schema: {
      tags, summary: 'Create a node under a parent',
      body: z.object({
        parentId: z.uuid(), name: z.string().trim().min(1).max(64), kind: z.enum(territoryKinds),
        code: z.string().regex(/^[0-9A-Za-z-]{1,32}$/).optional(),
      }),
      response: { 201: nodeOut },
    },
  }, async (req, reply) => reply.code(201).send(presentNode(await createNode(ctx, actorOf(req), req.body))));

  app.patch('/api/territories/:id', {
    config: { permission: P['territory.write'] },
    schema: { tags, summary: 'Rename a node', params: idParams, body: z.object({ name: z.string().trim().min(1).max(64) }), response: { 200: nodeOut } },
  }, async (req) => presentNode(await renameNode(ctx, actorOf(req), req.params.id, req.body.name)));

  app.post('/api/territories/:id/move', {
    config: { permission: P['territory.write'] },
    schema: { tags, summary: 'Move a node and its subtree under another parent', params: idParams, body: z.object({ parentId: z.uuid() }), response: { 200: nodeOut } },
  }, async (req) => presentNode(await moveNode(ctx, actorOf(req), req.params.id, req.body.parentId)));

  app.post('/api/territories/:id/retire', {
    config: { permission: P['territory.write'] },
    schema: { tags, summary: 'Retire a node (records keep pointing to it; no new ones)', params: idParams, response: { 200: nodeOut } },
  }, async (req) => presentNode(await retireNode(ctx, actorOf(req), req.params.id)));

  app.post('/api/territories/import', {
    config: { permission: P['territory.import'] },
    schema: {
      tags, summary: 'Import a territory tree from CSV (code,name,level,parent_code); all or nothing',
      body: z.string().min(1),
      response: { 200: z.object({ created: z.number(), updated: z.number() }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const scopePaths = minimalPaths(grantsFor(actor, P['territory.import']).map((g) => g.path));
    return importTerritoryFile(ctx.db, actor, req.body, { scopePaths, locale: pickLocale(req.headers['accept-language']) });
  });

  app.get('/api/stats/overview', {
    config: { permission: P['stats.read'] },
    schema: {
      tags, summary: 'Per-child figures of a node: communities, grids, buildings, households, people, party members, bodies',
      querystring: z.object({ territoryId: z.uuid() }),
      response: {
        200: z.object({
          node: nodeOut,
          rows: z.array(z.object({
            node: nodeOut, subdistricts: z.number(), communities: z.number(), grids: z.number(), buildings: z.number(),
            households: z.number(), people: z.number(), partyMembers: z.number(), bodies: z.number(),
          })),
        }),
      },
    },
  }, async (req) => overview(ctx.db, actorOf(req), req.query.territoryId));
}
