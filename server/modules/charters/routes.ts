import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { DomainError } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import { adoptVersion } from './actions/adopt-version.ts';
import { commentVersion } from './actions/comment-version.ts';
import { createCharter } from './actions/create-charter.ts';
import { editDraft } from './actions/edit-draft.ts';
import { openComments } from './actions/open-comments.ts';
import { publishVersion } from './actions/publish-version.ts';
import { startDraft } from './actions/start-draft.ts';
import './messages.ts';
import { chartersPolicy as P } from './policy.ts';
import { charterDetailOut, charterKinds, charterOut, commentOut, presentComment, versionOut } from './presenters.ts';
import { adoptionSources } from './adoption-sources.ts';
import { charterDetail, homeCharter, homeCommentingPair, listCharters, listHomeCharters, versionComments, versionPair } from './queries.ts';
import { diffTexts } from './rules.ts';

const tags = ['charters'];
const idParams = z.object({ id: z.uuid() });
const text = z.string().trim().min(1).max(50_000);
const segment = z.object({ added: z.boolean(), removed: z.boolean(), value: z.string() });
const homeDetailOut = charterOut.extend({ versions: z.array(versionOut), myComments: z.array(commentOut) });

export function chartersRoutes(app: App, ctx: AppContext) {
  const detail = (actor: Actor, id: string) => charterDetail(ctx.db, actor, id);

  app.get('/api/charters', {
    config: { permission: P['charter.read'] },
    schema: {
      tags, summary: 'Conventions and rules of the caller\'s territory, each with its newest version',
      querystring: z.object({ territoryId: z.uuid().optional(), kind: z.enum(charterKinds).optional() }),
      response: { 200: z.object({ items: z.array(charterOut) }) },
    },
  }, async (req) => ({ items: await listCharters(ctx.db, actorOf(req), req.query) }));

  app.post('/api/charters', {
    config: { permission: P['charter.manage'] },
    schema: {
      tags, summary: 'Start a charter of a community (or of an estate) with its first draft',
      body: z.object({ territoryId: z.uuid(), estateId: z.uuid().nullish(), kind: z.enum(charterKinds), title: z.string().trim().min(1).max(100), text }),
      response: { 201: charterDetailOut },
    },
  }, async (req, reply) => reply.code(201).send(await detail(actorOf(req), await createCharter(ctx, actorOf(req), req.body))));

  app.get('/api/charters/:id', {
    config: { permission: P['charter.read'] },
    schema: { tags, summary: 'A charter with every version, newest first', params: idParams, response: { 200: charterDetailOut } },
  }, async (req) => detail(actorOf(req), req.params.id));

  app.post('/api/charters/:id/drafts', {
    config: { permission: P['charter.manage'] },
    schema: { tags, summary: 'Start the next draft from the published text', params: idParams, response: { 201: charterDetailOut } },
  }, async (req, reply) => reply.code(201).send(await detail(actorOf(req), await startDraft(ctx, actorOf(req), req.params.id))));

  app.get('/api/charters/:id/diff', {
    config: { permission: P['charter.read'] },
    schema: {
      tags, summary: 'What changed between two versions: line by line, a changed line word by word',
      params: idParams, querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
      response: { 200: z.object({ from: z.number().int(), to: z.number().int(), segments: z.array(segment) }) },
    },
  }, async (req) => {
    const { from, to } = req.query;
    const pair = await versionPair(ctx.db, actorOf(req), req.params.id, from, to);
    if (!pair.from) throw new DomainError('validation', 422, {}, [{ field: 'from', code: 'charter.unknownVersion', params: { version: from } }]);
    if (!pair.to) throw new DomainError('validation', 422, {}, [{ field: 'to', code: 'charter.unknownVersion', params: { version: to } }]);
    return { from, to, segments: diffTexts(pair.from.text, pair.to.text) };
  });

  app.patch('/api/charter-versions/:id', {
    config: { permission: P['charter.manage'] },
    schema: { tags, summary: 'Edit a draft (only drafts are editable)', params: idParams, body: z.object({ text }), response: { 200: charterDetailOut } },
  }, async (req) => detail(actorOf(req), await editDraft(ctx, actorOf(req), req.params.id, req.body.text)));

  app.post('/api/charter-versions/:id/comment-period', {
    config: { permission: P['charter.manage'] },
    schema: {
      tags, summary: 'Put a draft out for the residents\' comments until a time', params: idParams,
      body: z.object({ commentUntil: z.iso.datetime({ offset: true }) }), response: { 200: charterDetailOut },
    },
  }, async (req) => detail(actorOf(req), await openComments(ctx, actorOf(req), req.params.id, new Date(req.body.commentUntil))));

  app.post('/api/charter-versions/:id/adopt', {
    config: { permission: P['charter.manage'] },
    schema: {
      tags, summary: 'Record the adoption: by a resolution of the community, or by an owners\' vote that passed (one of the two)', params: idParams,
      body: z.object({ resolutionId: z.uuid().optional(), matterId: z.uuid().optional() }), response: { 200: charterDetailOut },
    },
  }, async (req) => detail(actorOf(req), await adoptVersion(ctx, actorOf(req), req.params.id, req.body)));

  app.get('/api/charter-versions/:id/adoption-sources', {
    config: { permission: P['charter.manage'] },
    schema: {
      tags, summary: 'What may adopt this version, newest first: the community\'s published resolutions, or the owners\' votes of its estate(s) that passed',
      params: idParams, querystring: z.object({ by: z.enum(['resolution', 'matter']), q: z.string().trim().max(100).optional() }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), from: z.string().nullable(), at: z.string().nullable() })) }) },
    },
  }, async (req) => ({ items: await adoptionSources(ctx.db, actorOf(req), req.params.id, req.query.by, req.query.q) }));

  app.post('/api/charter-versions/:id/publish', {
    config: { permission: P['charter.manage'] },
    schema: { tags, summary: 'Publish an adopted version; the version published before is superseded', params: idParams, response: { 200: charterDetailOut } },
  }, async (req) => detail(actorOf(req), await publishVersion(ctx, actorOf(req), req.params.id)));

  app.get('/api/charter-versions/:id/comments', {
    config: { permission: P['charter.read'] },
    schema: { tags, summary: 'The residents\' comments on a version (authors masked)', params: idParams, response: { 200: z.object({ items: z.array(commentOut) }) } },
  }, async (req) => ({ items: await versionComments(ctx.db, actorOf(req), req.params.id) }));

  app.get('/api/my/charters', {
    config: { permission: P['charter.comment'] },
    schema: { tags, summary: 'Charters of the caller\'s community: published ones and those open for comment', response: { 200: z.object({ items: z.array(charterOut) }) } },
  }, async (req) => ({ items: await listHomeCharters(ctx.db, actorOf(req)) }));

  app.get('/api/my/charters/:id', {
    config: { permission: P['charter.comment'] },
    schema: { tags, summary: 'A charter as a resident reads it: the published text, the version open for comment, the caller\'s comments', params: idParams, response: { 200: homeDetailOut } },
  }, async (req) => homeCharter(ctx.db, actorOf(req), req.params.id));

  app.get('/api/my/charters/:id/diff', {
    config: { permission: P['charter.comment'] },
    schema: {
      tags, summary: 'What the version open for comment changes in the published text, word by word (against nothing when none is published yet)', params: idParams,
      response: { 200: z.object({ from: z.number().int().nullable(), to: z.number().int(), segments: z.array(segment) }) },
    },
  }, async (req) => {
    const { from, to } = await homeCommentingPair(ctx.db, actorOf(req), req.params.id);
    return { from: from?.version ?? null, to: to.version, segments: diffTexts(from?.text ?? '', to.text) };
  });

  app.post('/api/my/charter-versions/:id/comments', {
    config: { permission: P['charter.comment'] },
    schema: {
      tags, summary: 'Comment on a version while its comment period is open', params: idParams,
      body: z.object({ text: z.string().trim().min(1).max(2000) }), response: { 201: commentOut },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { comment, version } = await commentVersion(ctx, actor, req.params.id, req.body.text);
    return reply.code(201).send(presentComment(comment, version, actor.accountId));
  });
}
