import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { PHOTO_TYPES, fileResponse } from '../../core/file-response.ts';
import { notFound } from '../../core/errors.ts';
import { contentTypeOf, readStoredFile } from '../../core/files.ts';
import type { Actor } from '../../core/policy.ts';
import { eq } from 'drizzle-orm';
import { resolutionProgress } from '../../db/schema/deliberation.ts';
import { draftResolution } from './actions/draft-resolution.ts';
import { editResolution } from './actions/edit-resolution.ts';
import { answerObjection, objectToResolution } from './actions/object-to-resolution.ts';
import { publishResolution, withdrawResolution } from './actions/publish-resolution.ts';
import { recordProgress } from './actions/record-progress.ts';
import { resolutionsPolicy as P } from './policy.ts';
import { resolutionDetailOut, resolutionOut } from './presenters.ts';
import { readProgress } from './progress-upload.ts';
import { listResolutions, resolutionDetail, visibleResolution } from './queries.ts';
import { RESOLUTION_STATES } from './rules.ts';

const tags = ['resolutions'];
const idParams = z.object({ id: z.uuid() });
const day = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const states = z.string().transform((s, c) => {
  const list = s.split(',').filter(Boolean);
  for (const v of list) if (!(RESOLUTION_STATES as readonly string[]).includes(v)) c.addIssue({ code: 'custom', message: `unknown state ${v}` });
  return list as (typeof RESOLUTION_STATES)[number][];
});
const paging = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) };
const listOut = z.object({ items: z.array(resolutionOut), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
const detail = { 200: resolutionDetailOut };
const progressBody = z.object({ note: z.string().optional(), photo: z.string().meta({ format: 'binary' }).optional() }).nullish();

export function resolutionsRoutes(app: App, ctx: AppContext) {
  const shown = (actor: Actor, id: string) => resolutionDetail(ctx.db, actor, id);

  app.get('/api/resolutions', {
    config: { permission: P['resolution.read'] },
    schema: {
      tags, summary: 'Resolutions the caller sees: staff all of their territory, residents the published ones of their community; newest first',
      querystring: z.object({ state: states.optional(), overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), territoryId: z.uuid().optional(), meetingId: z.uuid().optional(), q: z.string().trim().max(50).optional(), ...paging }),
      response: { 200: listOut },
    },
  }, async (req) => listResolutions(ctx.db, actorOf(req), req.query));

  app.get('/api/resolutions/public', {
    config: { permission: P['resolution.read'] },
    schema: { tags, summary: 'The published list (公示栏): published, in progress and done resolutions the caller sees', querystring: z.object(paging), response: { 200: listOut } },
  }, async (req) => listResolutions(ctx.db, actorOf(req), req.query, true));

  app.get('/api/resolutions/:id', {
    config: { permission: P['resolution.read'] },
    schema: { tags, summary: 'The printable resolution: text, meeting, decision counts, objections and answers, progress', params: idParams, response: detail },
  }, async (req) => shown(actorOf(req), req.params.id));

  app.post('/api/resolutions', {
    config: { permission: P['resolution.manage'] },
    schema: {
      tags, summary: 'Draft a resolution from an adopted meeting item, or standalone for a node of the caller',
      body: z.object({
        meetingItemId: z.uuid().optional(), territoryId: z.uuid().optional(), title: text(120).optional(), text: text(20_000),
        responsibleBodyId: z.uuid().optional(), dueOn: day.optional(), publicDays: z.number().int().min(1).max(60).optional(),
      }),
      response: { 201: resolutionDetailOut },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.code(201).send(await shown(actor, await draftResolution(ctx, actor, req.body)));
  });

  app.patch('/api/resolutions/:id', {
    config: { permission: P['resolution.manage'] },
    schema: {
      tags, summary: 'Edit: title, text and public days while a draft; responsible body and deadline until done (a new deadline may be carried over again)',
      params: idParams,
      body: z.object({ title: text(120).optional(), text: text(20_000).optional(), publicDays: z.number().int().min(1).max(60).optional(), responsibleBodyId: z.uuid().nullable().optional(), dueOn: day.nullable().optional() }),
      response: detail,
    },
  }, async (req) => shown(actorOf(req), await editResolution(ctx, actorOf(req), req.params.id, req.body)));

  app.post('/api/resolutions/:id/publish', {
    config: { permission: P['resolution.manage'] },
    schema: { tags, summary: 'Publish (公示) for its public days; the community\'s residents are told', params: idParams, body: z.object({ publicDays: z.number().int().min(1).max(60).optional() }).nullish(), response: detail },
  }, async (req) => shown(actorOf(req), await publishResolution(ctx, actorOf(req), req.params.id, req.body?.publicDays)));

  app.post('/api/resolutions/:id/withdraw', {
    config: { permission: P['resolution.manage'] },
    schema: { tags, summary: 'Withdraw a draft or a published resolution', params: idParams, body: z.object({ reason: text(500) }), response: detail },
  }, async (req) => shown(actorOf(req), await withdrawResolution(ctx, actorOf(req), req.params.id, req.body.reason)));

  app.post('/api/resolutions/:id/objections', {
    config: { permission: P['resolution.object'] },
    schema: { tags, summary: 'Object while the publication runs (409 resolution.publicationClosed after it)', params: idParams, body: z.object({ text: text(1000) }), response: { 201: resolutionDetailOut } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.code(201).send(await shown(actor, await objectToResolution(ctx, actor, req.params.id, req.body.text)));
  });

  app.post('/api/resolutions/:id/objections/:objectionId/answer', {
    config: { permission: P['resolution.manage'] },
    schema: { tags, summary: 'Answer an objection, once; the objector is told', params: idParams.extend({ objectionId: z.uuid() }), body: z.object({ answer: text(2000) }), response: detail },
  }, async (req) => shown(actorOf(req), await answerObjection(ctx, actorOf(req), req.params.id, req.params.objectionId, req.body.answer)));

  app.post('/api/resolutions/:id/progress', {
    config: { permission: P['resolution.manage'] },
    schema: {
      tags, summary: 'A progress note: JSON {note}, or multipart `note` with an optional `photo` (JPEG/PNG/WebP ≤ 5 MB)',
      consumes: ['application/json', 'multipart/form-data'], params: idParams, body: progressBody, response: { 201: resolutionDetailOut },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const input = await readProgress(req);
    return reply.code(201).send(await shown(actor, await recordProgress(ctx, actor, req.params.id, input)));
  });

  app.post('/api/resolutions/:id/done', {
    config: { permission: P['resolution.manage'] },
    schema: {
      tags, summary: 'Done: the closing note (JSON {note}, or multipart `note` + optional `photo`)',
      consumes: ['application/json', 'multipart/form-data'], params: idParams, body: progressBody, response: detail,
    },
  }, async (req) => {
    const actor = actorOf(req);
    const input = await readProgress(req);
    return shown(actor, await recordProgress(ctx, actor, req.params.id, { ...input, final: true }));
  });

  app.get('/api/resolutions/:id/progress/:progressId/photo', {
    config: { permission: P['resolution.read'] },
    schema: { tags, summary: 'The photo of a progress note, to those who see the resolution', params: idParams.extend({ progressId: z.uuid() }), response: fileResponse(PHOTO_TYPES, 'the photo') },
  }, async (req, reply) => {
    await visibleResolution(ctx.db, actorOf(req), req.params.id);
    const [p] = await ctx.db.select({ resolutionId: resolutionProgress.resolutionId, photoPath: resolutionProgress.photoPath }).from(resolutionProgress).where(eq(resolutionProgress.id, req.params.progressId));
    if (!p || p.resolutionId !== req.params.id || !p.photoPath) throw notFound('photo', req.params.progressId);
    const bytes = await readStoredFile(ctx.config.GONGZHI_DATA_DIR, p.photoPath);
    return reply.type(contentTypeOf(p.photoPath)).header('cache-control', 'private, max-age=3600').send(bytes);
  });
}
