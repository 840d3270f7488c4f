import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { bodyKinds, positions } from '../../db/schema/bodies.ts';
import { addMember, createBody, endMember, renameBody } from './actions.ts';
import { bodiesPolicy as P } from './policy.ts';
import { bodyDetail, listBodies } from './queries.ts';

const tags = ['bodies'];
const bodyRow = z.object({ id: z.string(), name: z.string(), kind: z.string(), territoryId: z.string(), territoryName: z.string(), memberCount: z.number() });
const bodyOut = z.object({ id: z.string(), name: z.string(), kind: z.string(), territoryId: z.string() });
const boolString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export function bodiesRoutes(app: App, ctx: AppContext) {
  app.get('/api/bodies', {
    config: { permission: P['body.read'] },
    schema: {
      tags, summary: 'Bodies at a node (or its subtree), or those the caller is a member of',
      querystring: z.object({ territoryId: z.uuid().optional(), subtree: boolString.optional(), mine: boolString.optional() }),
      response: { 200: z.object({ items: z.array(bodyRow) }) },
    },
  }, async (req) => ({ items: await listBodies(ctx.db, actorOf(req), req.query) }));

  app.get('/api/bodies/:id', {
    config: { permission: P['body.read'] },
    schema: {
      tags, summary: 'A body with its members and positions', params: z.object({ id: z.uuid() }),
      response: {
        200: bodyOut.extend({
          territoryName: z.string(),
          members: z.array(z.object({ id: z.string(), personId: z.string(), name: z.string(), position: z.string(), since: z.string() })),
        }),
      },
    },
  }, async (req) => bodyDetail(ctx.db, actorOf(req), req.params.id));

  app.post('/api/bodies', {
    config: { permission: P['body.write'] },
    schema: {
      tags, summary: 'Create a body at a node',
      body: z.object({ territoryId: z.uuid(), name: z.string().trim().min(1).max(80), kind: z.enum(bodyKinds) }),
      response: { 201: bodyOut },
    },
  }, async (req, reply) => {
    const b = await createBody(ctx, actorOf(req), req.body);
    return reply.code(201).send({ id: b.id, name: b.name, kind: b.kind, territoryId: b.territoryId });
  });

  app.patch('/api/bodies/:id', {
    config: { permission: P['body.write'] },
    schema: { tags, summary: 'Rename a body', params: z.object({ id: z.uuid() }), body: z.object({ name: z.string().trim().min(1).max(80) }), response: { 200: bodyOut } },
  }, async (req) => {
    const b = await renameBody(ctx, actorOf(req), req.params.id, req.body.name);
    return { id: b.id, name: b.name, kind: b.kind, territoryId: b.territoryId };
  });

  app.post('/api/bodies/:id/members', {
    config: { permission: P['body.write'] },
    schema: {
      tags, summary: 'Give a person a position in a body', params: z.object({ id: z.uuid() }),
      body: z.object({ personId: z.uuid(), position: z.enum(positions) }),
      response: { 201: z.object({ id: z.string() }) },
    },
  }, async (req, reply) => reply.code(201).send({ id: (await addMember(ctx, actorOf(req), req.params.id, req.body)).id }));

  app.delete('/api/bodies/:id/members/:memberId', {
    config: { permission: P['body.write'] },
    schema: { tags, summary: 'End a membership (kept in history)', params: z.object({ id: z.uuid(), memberId: z.uuid() }), response: { 204: z.null() } },
  }, async (req, reply) => {
    await endMember(ctx, actorOf(req), req.params.id, req.params.memberId);
    return reply.code(204).send(null);
  });
}
