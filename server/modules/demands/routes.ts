import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { PHOTO_TYPES, fileResponse } from '../../core/file-response.ts';
import { contentTypeOf, readPhoto, readStoredFile } from '../../core/files.ts';
import { demandChannels, demandLevels, demandRatings, demandStates } from '../../db/schema/demands.ts';
import { acceptDemand } from './actions/accept-demand.ts';
import { addPhoto } from './actions/add-photo.ts';
import { assignDemand } from './actions/assign-demand.ts';
import { closeDemand } from './actions/close-demand.ts';
import { linkDemand } from './actions/link-demand.ts';
import { mergeDemand } from './actions/merge-demand.ts';
import { noteDemand } from './actions/note-demand.ts';
import { rateDemand } from './actions/rate-demand.ts';
import { rejectDemand } from './actions/reject-demand.ts';
import { reportDemand } from './actions/report-demand.ts';
import { resolveDemand } from './actions/resolve-demand.ts';
import { startDemand } from './actions/start-demand.ts';
import { demandsPolicy as P } from './policy.ts';
import { categoryOut, demandDetailOut, demandOut, presentCategory } from './presenters.ts';
import { demandDetail, handlersFor, listCategories, listDemands, visibleDemand, visiblePhoto } from './queries.ts';
import { canHandle } from './rights.ts';

const tags = ['demands'];
const idParams = z.object({ id: z.uuid() });
const boolString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const note = z.string().trim().max(2000);
/** A body that may be left out entirely (a bare POST). */
const optionalNote = z.preprocess((v) => v ?? {}, z.object({ note: note.optional() }));
const detail = { 200: demandDetailOut };

export function demandsRoutes(app: App, ctx: AppContext) {
  /** Every step answers the demand as the caller now sees it. */
  const show = (req: FastifyRequest, id: string) => demandDetail(ctx.db, ctx.pii, actorOf(req), id);

  app.get('/api/demand-categories', {
    config: { permission: P['demand.read'] },
    schema: {
      tags, summary: 'Categories of demands of the caller\'s district; all=true adds retired ones for those who configure',
      querystring: z.object({ all: boolString.optional() }),
      response: { 200: z.object({ items: z.array(categoryOut) }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const withRetired = !!req.query.all && actor.grants.some((g) => g.role === 'district_admin');
    return { items: (await listCategories(ctx.db, actor, withRetired)).map(presentCategory) };
  });

  app.post('/api/demands', {
    config: { permission: P['demand.report'] },
    schema: {
      tags, summary: 'Report a demand: a resident for themself, a grid worker, deputy or worker for a resident',
      body: z.object({
        categoryId: z.uuid(), description: z.string().trim().min(1).max(2000), title: z.string().trim().max(40).optional(),
        territoryId: z.uuid().optional(), address: z.string().trim().max(200).optional(), room: z.string().trim().max(40).optional(),
        lat: z.number().min(-90).max(90).optional(), lng: z.number().min(-180).max(180).optional(),
        channel: z.enum(demandChannels).optional(), reporterPersonId: z.uuid().optional(),
        contactName: z.string().trim().max(40).optional(), contactPhone: z.string().trim().max(20).optional(),
      }),
      response: { 201: demandDetailOut },
    },
  }, async (req, reply) => reply.code(201).send(await show(req, await reportDemand(ctx, actorOf(req), req.body))));

  app.get('/api/demands', {
    config: { permission: P['demand.read'] },
    schema: {
      tags, summary: 'Demands the caller sees, newest first: staff their territory, grid workers their grid, deputies what they logged, residents their own',
      querystring: z.object({
        state: z.string().optional()
          .transform((v) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined))
          .pipe(z.array(z.enum(demandStates)).max(demandStates.length).optional())
          .describe('one state, or several separated by commas (accepted,assigned,in_progress)'),
        categoryId: z.uuid().optional(), territoryId: z.uuid().optional(),
        level: z.enum(demandLevels).optional(), channel: z.enum(demandChannels).optional(), overdue: boolString.optional(),
        q: z.string().max(100).optional(), mine: boolString.optional(),
        page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ items: z.array(demandOut), total: z.number().int(), totalCapped: z.boolean(), page: z.number().int(), pageSize: z.number().int() }) },
    },
  }, async (req) => listDemands(ctx.db, ctx.pii, actorOf(req), req.query));

  app.get('/api/demands/:id', {
    config: { permission: P['demand.read'] },
    schema: { tags, summary: 'One demand with its history, photos, links and duplicates', params: idParams, response: detail },
  }, async (req) => show(req, req.params.id));

  app.post('/api/demands/:id/photos', {
    config: { permission: P['demand.read'] },
    schema: { tags, summary: 'Add a photo (multipart field "photo"; JPEG/PNG/WebP up to 5 MB, 9 per demand): the reporter before acceptance, handlers any time', params: idParams, response: detail },
  }, async (req) => {
    const actor = actorOf(req);
    // A demand out of sight answers 404 before its upload is read.
    await visibleDemand(ctx.db, actor, req.params.id);
    return show(req, await addPhoto(ctx, actor, req.params.id, await readPhoto(req)));
  });

  app.get('/api/demands/:id/photos/:photoId', {
    config: { permission: P['demand.read'] },
    schema: { tags, summary: 'One photo of a demand, to those who see the demand', params: z.object({ id: z.uuid(), photoId: z.uuid() }), response: fileResponse(PHOTO_TYPES, 'the photo') },
  }, async (req, reply) => {
    const photo = await visiblePhoto(ctx.db, actorOf(req), req.params.id, req.params.photoId);
    const bytes = await readStoredFile(ctx.config.GONGZHI_DATA_DIR, photo.path);
    return reply.type(contentTypeOf(photo.path)).header('cache-control', 'private, max-age=3600').send(bytes);
  });

  app.post('/api/demands/:id/accept', {
    config: { permission: P['demand.handle'] },
    schema: { tags, summary: 'Accept a submitted demand: its deadline starts (the category\'s working days)', params: idParams, body: optionalNote, response: detail },
  }, async (req) => show(req, await acceptDemand(ctx, actorOf(req), req.params.id, req.body.note)));

  app.post('/api/demands/:id/reject', {
    config: { permission: P['demand.handle'] },
    schema: { tags, summary: 'Turn a submitted demand down, with the reason the resident reads', params: idParams, body: z.object({ reason: note.min(1) }), response: detail },
  }, async (req) => show(req, await rejectDemand(ctx, actorOf(req), req.params.id, req.body.reason)));

  app.get('/api/demands/:id/handlers', {
    config: { permission: P['demand.handle'] },
    schema: {
      tags, summary: 'Bodies the demand may be assigned to', params: idParams,
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), territoryName: z.string() })) }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const { d } = await visibleDemand(ctx.db, actor, req.params.id);
    if (!canHandle(actor, d)) return { items: [] };
    return { items: (await handlersFor(ctx.db, actor, d)).map(({ answerDays: _, ...b }) => b) };
  });

  app.post('/api/demands/:id/assign', {
    config: { permission: P['demand.handle'] },
    schema: { tags, summary: 'Assign to a handling body (a line department only by the street or district)', params: idParams, body: z.object({ bodyId: z.uuid(), note: note.optional() }), response: detail },
  }, async (req) => show(req, await assignDemand(ctx, actorOf(req), req.params.id, req.body.bodyId, req.body.note)));

  app.post('/api/demands/:id/start', {
    config: { permission: P['demand.handle'] },
    schema: { tags, summary: 'Mark work on the demand as begun', params: idParams, body: optionalNote, response: detail },
  }, async (req) => show(req, await startDemand(ctx, actorOf(req), req.params.id, req.body.note)));

  app.post('/api/demands/:id/resolve', {
    config: { permission: P['demand.handle'] },
    schema: { tags, summary: 'Report the demand resolved, saying what was done (the resident reads it)', params: idParams, body: z.object({ note: note.min(1) }), response: detail },
  }, async (req) => show(req, await resolveDemand(ctx, actorOf(req), req.params.id, req.body.note)));

  app.post('/api/demands/:id/rate', {
    config: { permission: P['demand.rate'] },
    schema: {
      tags, summary: 'The reporter rates the handling: unsatisfied reopens it once, otherwise it closes', params: idParams,
      body: z.object({ rating: z.enum(demandRatings), comment: z.string().trim().max(500).optional() }), response: detail,
    },
  }, async (req) => show(req, await rateDemand(ctx, actorOf(req), req.params.id, req.body.rating, req.body.comment)));

  app.post('/api/demands/:id/close', {
    config: { permission: P['demand.handle'] },
    schema: { tags, summary: 'Close a resolved demand its reporter left unrated for 7 days', params: idParams, body: optionalNote, response: detail },
  }, async (req) => show(req, await closeDemand(ctx, actorOf(req), req.params.id, req.body.note)));

  app.post('/api/demands/:id/notes', {
    config: { permission: P['demand.handle'] },
    schema: { tags, summary: 'Add an internal note (not shown to the resident)', params: idParams, body: z.object({ note: note.min(1) }), response: detail },
  }, async (req) => show(req, await noteDemand(ctx, actorOf(req), req.params.id, req.body.note)));

  app.post('/api/demands/:id/merge', {
    config: { permission: P['demand.handle'] },
    schema: { tags, summary: 'Merge a duplicate into an open demand of the same community', params: idParams, body: z.object({ intoId: z.uuid(), note: note.optional() }), response: detail },
  }, async (req) => show(req, await mergeDemand(ctx, actorOf(req), req.params.id, req.body.intoId, req.body.note)));

  app.post('/api/demands/:id/links', {
    config: { permission: P['demand.handle'] },
    schema: {
      tags, summary: 'Link the demand to what it became: an agenda item, a project, a mediation case', params: idParams,
      body: z.object({ targetType: z.enum(['agenda_item', 'project', 'mediation_case']), targetId: z.string().trim().min(1).max(100), note: note.optional() }),
      response: detail,
    },
  }, async (req) => show(req, await linkDemand(ctx, actorOf(req), req.params.id, req.body)));
}
