import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { DomainError } from '../../core/errors.ts';
import { dayOf } from '../demands/calendar.ts';
import { demandsPolicy as P } from '../demands/policy.ts';
import { publicDemands } from './public-list.ts';
import { demandStats, periodOf, statsNode } from './queries.ts';
import { publicOut, publicQuery, statsOut, statsQuery } from './schemas.ts';
import './messages.ts';

const DAY = 86_400_000;
const MAX_DAYS = 731;

/** How demands are answered, per node and category, and the public list of a community (公示). */
export function demandStatsRoutes(app: App, ctx: AppContext) {
  app.get('/api/demand-stats', {
    config: { permission: P['demand.stats'] },
    schema: {
      tags: ['demands'], summary: 'Volume, open, overdue, on-time and satisfaction rates, median time to close: per child node, per category, per week',
      description: 'Demands asked in the period (Shanghai days `from`..`to`) under the node, within the caller\'s territory; 404 for a node outside it.',
      querystring: statsQuery, response: { 200: statsOut },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const to = req.query.to ?? dayOf(new Date());
    const from = req.query.from ?? new Date(Date.parse(to) - 83 * DAY).toISOString().slice(0, 10);
    const days = (Date.parse(to) - Date.parse(from)) / DAY;
    if (days < 0 || days >= MAX_DAYS) throw new DomainError('validation', 400, {}, [{ field: 'from', code: 'demandStats.badPeriod', params: { maxDays: MAX_DAYS } }]);
    const node = await statsNode(ctx.db, actor, req.query.territoryId);
    const { start, end } = periodOf(from, to);
    return { territory: { id: node.id, name: node.name, kind: node.kind }, from, to, ...(await demandStats(ctx.db, actor, node, start, end)) };
  });

  app.get('/api/public/demands', {
    config: { permission: 'public' },
    schema: {
      tags: ['demands'], summary: 'What a community\'s residents asked and what was done (公示), anonymised, for anyone',
      description: 'Demands the community took up (accepted or later; not rejected or merged), newest first, 20 a page. ' +
        'No names, phone, ID or room numbers: titles and results are anonymised (building numbers, dates and counts stay). 404 when the id is not a community.',
      querystring: publicQuery, response: { 200: publicOut },
    },
  }, async (req) => publicDemands(ctx.db, ctx.pii, req.query.communityId, req.query.page));
}
