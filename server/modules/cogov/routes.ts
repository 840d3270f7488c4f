import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { createMatter } from './actions/create-matter.ts';
import { dropMatter } from './actions/drop-matter.ts';
import { recordStage } from './actions/record-stage.ts';
import { cogovPolicy as P } from './policy.ts';
import { cogovMatterOut } from './presenters.ts';
import { listMatters, matterView } from './queries.ts';
import { STAGES } from './rules.ts';

const tags = ['cogov'];
const idParams = z.object({ id: z.uuid() });
const text = (max: number) => z.string().trim().min(1).max(max);

export function cogovRoutes(app: App, ctx: AppContext) {
  app.get('/api/cogov-matters', {
    config: { permission: P['cogov.read'] },
    schema: {
      tags, summary: 'Co-governance matters of the caller\'s territory with where each stands; newest first',
      querystring: z.object({
        state: z.enum(['proposed', 'consulted', 'reviewed', 'dropped']).optional(), territoryId: z.uuid().optional(), q: z.string().trim().max(50).optional(),
        page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ items: z.array(cogovMatterOut), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) },
    },
  }, async (req) => listMatters(ctx.db, actorOf(req), req.query));

  app.get('/api/cogov-matters/:id', {
    config: { permission: P['cogov.read'] },
    schema: { tags, summary: 'One matter: the three stages, done or waiting', params: idParams, response: { 200: cogovMatterOut } },
  }, async (req) => matterView(ctx.db, actorOf(req), req.params.id));

  app.post('/api/cogov-matters', {
    config: { permission: P['cogov.manage'] },
    schema: {
      tags, summary: 'Open a co-governance matter',
      body: z.object({ title: text(120), description: z.string().trim().max(4000).optional(), territoryId: z.uuid().optional() }),
      response: { 201: cogovMatterOut },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.code(201).send(await matterView(ctx.db, actor, await createMatter(ctx, actor, req.body)));
  });

  app.post('/api/cogov-matters/:id/stages', {
    config: { permission: P['cogov.manage'] },
    schema: {
      tags, summary: 'Record the next stage (propose → consult → review); out of order or twice → 409',
      params: idParams,
      body: z.object({ stage: z.enum(STAGES), outcome: text(2000), decidedOn: z.iso.date(), bodyId: z.uuid().optional(), meetingId: z.uuid().optional() }),
      response: { 201: cogovMatterOut },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.code(201).send(await matterView(ctx.db, actor, await recordStage(ctx, actor, req.params.id, req.body)));
  });

  app.post('/api/cogov-matters/:id/drop', {
    config: { permission: P['cogov.manage'] },
    schema: { tags, summary: 'Drop a matter that will go no further', params: idParams, body: z.object({ reason: text(500) }), response: { 200: cogovMatterOut } },
  }, async (req) => matterView(ctx.db, actorOf(req), await dropMatter(ctx, actorOf(req), req.params.id, req.body.reason)));
}
