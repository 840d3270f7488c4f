import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { PHOTO_TYPES, fileResponse } from '../../core/file-response.ts';
import { notFound } from '../../core/errors.ts';
import { contentTypeOf, readPhoto, readStoredFile } from '../../core/files.ts';
import type { Actor } from '../../core/policy.ts';
import { claimWish } from './actions/claim-wish.ts';
import { confirmWish } from './actions/confirm-wish.ts';
import { fulfilWish } from './actions/fulfil-wish.ts';
import { postWish } from './actions/post-wish.ts';
import { reviewWish } from './actions/review-wish.ts';
import { expireStaleClaims } from './expire-claims.ts';
import { wishesPolicy as P } from './policy.ts';
import { wishOut } from './presenters.ts';
import { listWishes, visibleWish } from './queries.ts';

const tags = ['wishes'];
const idParams = z.object({ id: z.uuid() });
const states = ['pending_review', 'rejected', 'open', 'claimed', 'fulfilled', 'confirmed'] as const;
const boolString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export function wishesRoutes(app: App, ctx: AppContext) {
  const shown = async (actor: Actor, id: string) => (await visibleWish(ctx.db, actor, id)).view;

  app.get('/api/wishes', {
    config: { permission: P['wish.read'] },
    schema: {
      tags, summary: 'Wishes the caller may see: staff their territory, members open ones in their street, residents their own',
      querystring: z.object({ state: z.enum(states).optional(), mine: boolString.optional(), territoryId: z.uuid().optional() }),
      response: { 200: z.object({ items: z.array(wishOut) }) },
    },
  }, async (req) => {
    // Lazily as well as on the timer, so a list never offers a claim that has run out.
    await expireStaleClaims(ctx.db);
    return { items: await listWishes(ctx.db, actorOf(req), req.query) };
  });

  app.get('/api/wishes/:id', {
    config: { permission: P['wish.read'] },
    schema: { tags, summary: 'One wish', params: idParams, response: { 200: wishOut } },
  }, async (req) => shown(actorOf(req), req.params.id));

  app.post('/api/wishes', {
    config: { permission: P['wish.post'] },
    schema: {
      tags, summary: 'Post a wish (a resident for themself, a worker for a resident)',
      body: z.object({ title: z.string().trim().min(1).max(80), description: z.string().trim().max(2000).optional(), residentId: z.uuid().optional() }),
      response: { 201: wishOut },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.code(201).send(await shown(actor, await postWish(ctx, actor, req.body)));
  });

  app.post('/api/wishes/:id/approve', {
    config: { permission: P['wish.review'] },
    schema: { tags, summary: 'Approve a wish: it opens to members', params: idParams, response: { 200: wishOut } },
  }, async (req) => shown(actorOf(req), await reviewWish(ctx, actorOf(req), req.params.id, { approve: true })));

  app.post('/api/wishes/:id/reject', {
    config: { permission: P['wish.review'] },
    schema: { tags, summary: 'Turn a wish down, with the reason the resident reads', params: idParams, body: z.object({ reason: z.string().trim().min(1).max(500) }), response: { 200: wishOut } },
  }, async (req) => shown(actorOf(req), await reviewWish(ctx, actorOf(req), req.params.id, { approve: false, reason: req.body.reason })));

  app.post('/api/wishes/:id/claim', {
    config: { permission: P['wish.claim'] },
    schema: { tags, summary: 'Claim an open wish; exactly one claim wins', params: idParams, response: { 200: wishOut } },
  }, async (req) => shown(actorOf(req), await claimWish(ctx, actorOf(req), req.params.id)));

  app.post('/api/wishes/:id/fulfil', {
    config: { permission: P['wish.claim'] },
    schema: { tags, summary: 'Report a claimed wish fulfilled, with a photo (multipart field "photo")', params: idParams, response: { 200: wishOut } },
  }, async (req) => {
    const actor = actorOf(req);
    return shown(actor, await fulfilWish(ctx, actor, req.params.id, await readPhoto(req)));
  });

  app.post('/api/wishes/:id/confirm', {
    config: { permission: P['wish.confirm'] },
    schema: { tags, summary: 'Confirm the wish came true: points go to the member who fulfilled it', params: idParams, response: { 200: wishOut } },
  }, async (req) => shown(actorOf(req), await confirmWish(ctx, actorOf(req), req.params.id)));

  app.get('/api/wishes/:id/photo', {
    config: { permission: P['wish.read'] },
    schema: { tags, summary: 'The fulfilment photo, to those who may see the wish', params: idParams, response: fileResponse(PHOTO_TYPES, 'the photo') },
  }, async (req, reply) => {
    const { row } = await visibleWish(ctx.db, actorOf(req), req.params.id);
    if (!row.w.photoPath) throw notFound('photo', req.params.id);
    const bytes = await readStoredFile(ctx.config.GONGZHI_DATA_DIR, row.w.photoPath);
    return reply.type(contentTypeOf(row.w.photoPath)).header('cache-control', 'private, max-age=3600').send(bytes);
  });
}
