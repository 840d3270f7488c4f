import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { agendaStates } from '../../db/schema/deliberation.ts';
import { mergeAgendaItem } from './actions/merge-agenda-item.ts';
import { proposeAgendaItem } from './actions/propose-agenda-item.ts';
import { reviewAgendaItem } from './actions/review-agenda-item.ts';
import { withdrawAgendaItem } from './actions/withdraw-agenda-item.ts';
import { agendaPolicy as P } from './policy.ts';
import { agendaItemDetail as detailOut, agendaItemOut } from './presenters.ts';
import { agendaItemDetail, listAgendaItems } from './queries.ts';

const tags = ['agenda'];
const idParams = z.object({ id: z.uuid() });
const stateList = z.string().transform((s) => s.split(',').filter(Boolean)).pipe(z.array(z.enum(agendaStates)));
const boolString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export function agendaRoutes(app: App, ctx: AppContext) {
  app.get('/api/agenda-items', {
    config: { permission: P['agenda.read'] },
    schema: {
      tags, summary: 'Agenda items the caller may see: staff their territory; residents their own and the accepted ones of their community',
      querystring: z.object({
        state: stateList.optional(), territoryId: z.uuid().optional(), mine: boolString.optional(), q: z.string().trim().max(100).optional(),
        page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ items: z.array(agendaItemOut), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
  }, async (req) => listAgendaItems(ctx.db, actorOf(req), req.query));

  app.get('/api/agenda-items/:id', {
    config: { permission: P['agenda.read'] },
    schema: { tags, summary: 'One agenda item with what merged into it and its decision', params: idParams, response: { 200: detailOut } },
  }, async (req) => agendaItemDetail(ctx.db, actorOf(req), req.params.id));

  app.post('/api/agenda-items', {
    config: { permission: P['agenda.propose'] },
    schema: {
      tags, summary: 'Propose an item: a resident in their own community, staff for a body or from a demand (linked both ways)',
      body: z.object({
        title: z.string().trim().max(80).optional(), description: z.string().trim().max(4000).optional(),
        territoryId: z.uuid().optional(), proposerBodyId: z.uuid().optional(), demandId: z.uuid().optional(),
      }).refine((b) => !!b.title || !!b.demandId, { path: ['title'], message: 'required' }),
      response: { 201: detailOut },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const id = await proposeAgendaItem(ctx, actor, req.body);
    return reply.code(201).send(await agendaItemDetail(ctx.db, actor, id));
  });

  app.post('/api/agenda-items/:id/accept', {
    config: { permission: P['agenda.review'] },
    schema: { tags, summary: 'Accept a proposed item: it may now be put on a meeting', params: idParams, response: { 200: detailOut } },
  }, async (req) => agendaItemDetail(ctx.db, actorOf(req), await reviewAgendaItem(ctx, actorOf(req), req.params.id, { accept: true })));

  app.post('/api/agenda-items/:id/return', {
    config: { permission: P['agenda.review'] },
    schema: {
      tags, summary: 'Return a proposed item with the reason its proposer reads', params: idParams,
      body: z.object({ reason: z.string().trim().min(1).max(500) }), response: { 200: detailOut },
    },
  }, async (req) => agendaItemDetail(ctx.db, actorOf(req), await reviewAgendaItem(ctx, actorOf(req), req.params.id, { accept: false, reason: req.body.reason })));

  app.post('/api/agenda-items/:id/merge', {
    config: { permission: P['agenda.review'] },
    schema: {
      tags, summary: 'Merge a proposed item into another of the same community', params: idParams,
      body: z.object({ intoId: z.uuid() }), response: { 200: detailOut },
    },
  }, async (req) => agendaItemDetail(ctx.db, actorOf(req), await mergeAgendaItem(ctx, actorOf(req), req.params.id, req.body.intoId)));

  app.post('/api/agenda-items/:id/withdraw', {
    config: { permission: P['agenda.propose'] },
    schema: { tags, summary: 'The proposer withdraws their item while it waits for review', params: idParams, response: { 200: detailOut } },
  }, async (req) => agendaItemDetail(ctx.db, actorOf(req), await withdrawAgendaItem(ctx, actorOf(req), req.params.id)));
}
