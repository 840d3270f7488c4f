import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { pickLocale } from '../../core/i18n.ts';
import { readUpload } from '../people/roster-upload.ts';
import { matterKinds } from '../../db/schema/voting.ts';
import { castBallot } from './actions/cast-ballot.ts';
import { closeMatter } from './actions/close-matter.ts';
import { createEstate } from './actions/create-estate.ts';
import { createMatter } from './actions/create-matter.ts';
import { importOwners } from './actions/import-owners.ts';
import { openMatter } from './actions/open-matter.ts';
import { votingPolicy as P } from './policy.ts';
import {
  ballotOut, estateOut, matterOut, myMatterOut, presentBallot, presentEstate, presentMatter, presentMyMatter, presentUnit, receiptOut, tallyOut, unitOut,
} from './presenters.ts';
import { checkReceipt, countVotes, estateFigures, estateFor, listEstates, listMatters, listUnits, matterFor, myMatters } from './queries.ts';
import { readRegisterFile } from './register-file.ts';
import { tallyVote } from './tally.ts';

const tags = ['voting'];
const idParams = z.object({ id: z.uuid() });

export function votingRoutes(app: App, ctx: AppContext) {
  const estateView = async (id: string, actor: ReturnType<typeof actorOf>, permission: string) => {
    const r = await estateFor(ctx.db, actor, permission, id);
    return presentEstate({ ...r, ...(await estateFigures(ctx.db, id)) });
  };
  const matterView = async (id: string, actor: ReturnType<typeof actorOf>) => {
    const { m } = await matterFor(ctx.db, actor, P['voting.read'], id);
    const [r] = await listMatters(ctx.db, [m.estateId]).then((rows) => rows.filter((x) => x.m.id === id));
    return presentMatter(r!);
  };

  app.get('/api/estates', {
    config: { permission: P['voting.read'] },
    schema: { tags, summary: 'Estates (小区) in the caller’s territory, with their register figures', querystring: z.object({ territoryId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(estateOut) }) } },
  }, async (req) => ({ items: (await listEstates(ctx.db, actorOf(req), req.query.territoryId)).map(presentEstate) }));

  app.post('/api/estates', {
    config: { permission: P['voting.manage'] },
    schema: {
      tags, summary: 'Set up an estate at a community or area node',
      body: z.object({ territoryId: z.uuid(), name: z.string().trim().min(1).max(60), ballotsChangeable: z.boolean().optional() }),
      response: { 201: estateOut },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.code(201).send(await estateView(await createEstate(ctx, actor, req.body), actor, P['voting.manage']));
  });

  app.get('/api/estates/:id', {
    config: { permission: P['voting.read'] },
    schema: { tags, summary: 'One estate', params: idParams, response: { 200: estateOut } },
  }, async (req) => estateView(req.params.id, actorOf(req), P['voting.read']));

  app.get('/api/estates/:id/units', {
    config: { permission: P['voting.read'] },
    schema: { tags, summary: 'The owners’ register unit by unit, owners’ names masked', params: idParams, response: { 200: z.object({ items: z.array(unitOut) }) } },
  }, async (req) => {
    await estateFor(ctx.db, actorOf(req), P['voting.read'], req.params.id);
    return { items: (await listUnits(ctx.db, req.params.id)).map(presentUnit) };
  });

  app.post('/api/estates/:id/owners/import', {
    config: { permission: P['voting.manage'] },
    schema: {
      tags, summary: 'Replace the owners’ register from the property register export (.xlsx); all or nothing',
      description:
        'multipart/form-data with one field `file`. Columns: 楼栋房号, 业主姓名, 证件号码, 登记面积/实测面积/合同面积 (m², at least one), 是否开发商未售 (是/否). ' +
        'Rows with one 证件号码 are one owner; all developer rows are one owner. Owners are linked to platform persons by identity number. ' +
        'Any bad row: 422 `import.badRows` with `errors: [{row, column, message}]` and `reportId`; nothing is written. 409 `voting.registerLocked` once a matter has opened.',
      consumes: ['multipart/form-data'],
      params: idParams,
      body: z.object({ file: z.string().meta({ format: 'binary' }).describe('the .xlsx file') }).nullish(),
      response: { 200: z.object({ units: z.number(), owners: z.number(), linked: z.number(), developerUnits: z.number() }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await estateFor(ctx.db, actor, P['voting.manage'], req.params.id);
    const { rows, errors } = await readRegisterFile(await readUpload(req), pickLocale(req.headers['accept-language']));
    return importOwners(ctx, actor, req.params.id, rows, errors);
  });

  app.get('/api/estates/:id/matters', {
    config: { permission: P['voting.read'] },
    schema: { tags, summary: 'The matters of an estate, newest first', params: idParams, response: { 200: z.object({ items: z.array(matterOut) }) } },
  }, async (req) => {
    await estateFor(ctx.db, actorOf(req), P['voting.read'], req.params.id);
    return { items: (await listMatters(ctx.db, [req.params.id])).map(presentMatter) };
  });

  app.post('/api/estates/:id/matters', {
    config: { permission: P['voting.manage'] },
    schema: {
      tags, summary: 'Draft a matter for the owners’ vote (Civil Code art. 278 items 1–9)', params: idParams,
      body: z.object({ kind: z.enum(matterKinds), title: z.string().trim().min(1).max(100), description: z.string().trim().max(4000).optional(), closesAt: z.iso.datetime({ offset: true }).optional() }),
      response: { 201: matterOut },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.code(201).send(await matterView(await createMatter(ctx, actor, req.params.id, req.body), actor));
  });

  app.post('/api/vote-matters/:id/open', {
    config: { permission: P['voting.manage'] },
    schema: { tags, summary: 'Open a draft matter for voting; 409 without a register', params: idParams, response: { 200: matterOut } },
  }, async (req) => matterView(await openMatter(ctx, actorOf(req), req.params.id), actorOf(req)));

  app.post('/api/vote-matters/:id/close', {
    config: { permission: P['voting.manage'] },
    schema: { tags, summary: 'Close the vote and freeze the tally into the matter', params: idParams, response: { 200: matterOut } },
  }, async (req) => matterView(await closeMatter(ctx, actorOf(req), req.params.id), actorOf(req)));

  app.get('/api/vote-matters/:id/tally', {
    config: { permission: P['voting.manage'] },
    schema: { tags, summary: 'The live tally: the legal verdict and every figure, from one aggregate query', params: idParams, response: { 200: tallyOut } },
  }, async (req) => {
    const { m, e } = await matterFor(ctx.db, actorOf(req), P['voting.manage'], req.params.id);
    if (m.state === 'closed' && m.result) return m.result as unknown as ReturnType<typeof tallyVote>;
    return tallyVote(m.kind, await countVotes(ctx.db, e.id, m.id));
  });

  app.get('/api/my/vote-matters', {
    config: { permission: P['voting.vote'] },
    schema: { tags, summary: 'Open and closed matters of the estates where the caller is an owner, with their own ballot', response: { 200: z.object({ items: z.array(myMatterOut) }) } },
  }, async (req) => ({ items: (await myMatters(ctx.db, actorOf(req))).map((r) => presentMyMatter(ctx.pii, r)) }));

  app.post('/api/vote-matters/:id/ballot', {
    config: { permission: P['voting.vote'] },
    schema: {
      tags, summary: 'Cast or change the caller’s ballot while the vote is open; returns the receipt code',
      description: '409 `voting.notOpen` outside the vote, `voting.closesAtPassed` once the closing time has passed (even before the timer closed it), `voting.ballotFinal` when the estate’s rules forbid changing a cast ballot; 403 `voting.notOwner` when the caller is not on the register.',
      params: idParams, body: z.object({ choice: z.enum(['for', 'against', 'abstain']) }), response: { 200: ballotOut },
    },
  }, async (req) => presentBallot(await castBallot(ctx, actorOf(req), req.params.id, req.body.choice)));

  app.post('/api/vote-matters/:id/receipt-check', {
    config: { permission: 'public' },
    schema: {
      tags, summary: 'Check a receipt code of a matter: counted, and the choice only when the ballot is the logged-in caller’s own',
      description: 'Open without a login so an owner can check from any device; a code guards itself (50 random bits). 404 for a code that is not a ballot of this matter.',
      params: idParams, body: z.object({ receipt: z.string().trim().min(8).max(20) }), response: { 200: receiptOut },
    },
  }, async (req) => checkReceipt(ctx.db, ctx.pii, req.actor, req.params.id, req.body.receipt));
}
