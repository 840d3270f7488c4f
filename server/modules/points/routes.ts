import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { changeRule } from './actions/change-rule.ts';
import { commend } from './actions/commend.ts';
import { correctEntry } from './actions/correct-entry.ts';
import { periodPattern, periodsOf } from './periods.ts';
import { pointsPolicy as P } from './policy.ts';
import { commendationOut, entryOut, myPointsOut, presentEntry, presentRule, rankingOut, ruleOut } from './presenters.ts';
import { ledger, listCommendations, listRules, myHistory, myPoints, noPerson, ranking } from './queries.ts';

const tags = ['points'];
const period = z.string().regex(periodPattern, 'all, 2026, 2026-Q4 or 2026-11');
const year = z.string().regex(/^\d{4}$/, 'a year such as 2026');
const paging = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) };
const paged = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
const thisYear = () => periodsOf(new Date())[1]!;

export function pointsRoutes(app: App, ctx: AppContext) {
  app.get('/api/points/rules', {
    config: { permission: P['points.read'] },
    schema: {
      tags, summary: "A district's points rules: current versions and closed ones", querystring: z.object({ districtId: z.uuid().optional() }),
      response: { 200: z.object({ districtId: z.string(), current: z.array(ruleOut), history: z.array(ruleOut) }) },
    },
  }, async (req) => {
    const r = await listRules(ctx.db, actorOf(req), req.query.districtId);
    return { districtId: r.districtId, current: r.current.map(presentRule), history: r.history.map(presentRule) };
  });

  app.put('/api/points/rules/:code', {
    config: { permission: P['points.rules.write'] },
    schema: {
      tags, summary: 'Change a rule: the current version closes, a new one opens; past entries keep their points',
      params: z.object({ code: z.enum(['service_hour', 'activity', 'wish', 'registration']) }),
      body: z.object({ districtId: z.uuid(), points: z.number().min(0).max(1000), monthlyCap: z.number().int().min(1).max(100_000).nullable(), expiry: z.enum(['none', 'annual']) }),
      response: { 200: ruleOut },
    },
  }, async (req) => presentRule(await changeRule(ctx, actorOf(req), req.params.code, req.body)));

  app.get('/api/points/rankings', {
    config: { permission: P['points.read'] },
    schema: {
      tags, summary: "A community's, street's or district's ranking for a period (names masked except for staff)",
      querystring: z.object({ territoryId: z.uuid(), period: period.default('all'), ...paging }),
      response: { 200: rankingOut },
    },
  }, async (req) => ranking(ctx.db, actorOf(req), req.query));

  app.get('/api/points/me', {
    config: { permission: P['points.mine'] },
    schema: { tags, summary: 'My points, star level and rank in my community, street and district', querystring: z.object({ period: period.optional() }), response: { 200: myPointsOut } },
  }, async (req) => {
    const personId = actorOf(req).personId ?? noPerson();
    return myPoints(ctx.db, personId, req.query.period ?? thisYear());
  });

  app.get('/api/points/me/history', {
    config: { permission: P['points.mine'] },
    schema: { tags, summary: 'My ledger entries, newest first', querystring: z.object(paging), response: { 200: paged(entryOut) } },
  }, async (req) => {
    const personId = actorOf(req).personId ?? noPerson();
    return myHistory(ctx.db, personId, req.query.page, req.query.pageSize);
  });

  app.get('/api/points/entries', {
    config: { permission: P['points.ledger'] },
    schema: {
      tags, summary: 'Ledger entries of communities in my territory, newest first', querystring: z.object({ personId: z.uuid().optional(), ...paging }),
      response: { 200: paged(entryOut.extend({ personId: z.string(), personName: z.string() })).extend({ sum: z.number() }) },
    },
  }, async (req) => ledger(ctx.db, actorOf(req), req.query));

  app.post('/api/points/entries/:id/reverse', {
    config: { permission: P['points.correct'] },
    schema: {
      tags, summary: 'Correct an entry with a reversing entry; both stay in the ledger',
      params: z.object({ id: z.coerce.number().int().positive() }), body: z.object({ note: z.string().trim().min(1).max(200) }),
      response: { 201: entryOut },
    },
  }, async (req, reply) => reply.code(201).send(presentEntry(await correctEntry(ctx, actorOf(req), req.params.id, req.body.note))));

  app.get('/api/points/commendations', {
    config: { permission: P['points.read'] },
    schema: {
      tags, summary: "A node's commendations for a year, each member at the highest level reached",
      querystring: z.object({ territoryId: z.uuid(), period: year.default(thisYear) }), response: { 200: z.object({ items: z.array(commendationOut) }) },
    },
  }, async (req) => ({ items: await listCommendations(ctx.db, actorOf(req), req.query) }));

  app.post('/api/points/commendations', {
    config: { permission: P['points.commend'] },
    schema: {
      tags, summary: 'Commend everyone of a node at or above each star threshold for a year (idempotent)',
      body: z.object({ territoryId: z.uuid(), period: year }), response: { 200: z.object({ created: z.number() }) },
    },
  }, async (req) => commend(ctx, actorOf(req), req.body));
}
