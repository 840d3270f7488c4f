import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { demandsPolicy as P } from '../demands/policy.ts';
import { acknowledgeHotTopic } from './actions/acknowledge-hot-topic.ts';
import { hotTopicDetailOut, hotTopicOut, hotTopicStates, presentHotTopic } from './presenters.ts';
import { hotTopicDemands, listHotTopics, visibleHotTopic } from './queries.ts';

const tags = ['hot-topics'];
const idParams = z.object({ id: z.uuid() });

export function hotTopicsRoutes(app: App, ctx: AppContext) {
  app.get('/api/hot-topics', {
    config: { permission: P['demand.stats'] },
    schema: {
      tags, summary: 'Hot-topic warnings (热点预警) of the caller\'s communities and streets: open first, the most surprising on top',
      querystring: z.object({ territoryId: z.uuid().optional(), state: z.enum(hotTopicStates).optional() }),
      response: { 200: z.object({ items: z.array(hotTopicOut) }) },
    },
  }, async (req) => ({ items: await listHotTopics(ctx.db, actorOf(req), req.query) }));

  app.get('/api/hot-topics/:id', {
    config: { permission: P['demand.stats'] },
    schema: { tags, summary: 'One warning with the demands that raised it', params: idParams, response: { 200: hotTopicDetailOut } },
  }, async (req) => {
    const actor = actorOf(req);
    const row = await visibleHotTopic(ctx.db, actor, req.params.id);
    return { ...presentHotTopic(row), demands: await hotTopicDemands(ctx.db, ctx.pii, actor, row.h.demandIds) };
  });

  app.post('/api/hot-topics/:id/acknowledge', {
    config: { permission: P['demand.stats'] },
    schema: { tags, summary: 'Take note of a warning; it stays listed until it subsides', params: idParams, response: { 200: hotTopicOut } },
  }, async (req) => {
    const actor = actorOf(req);
    await acknowledgeHotTopic(ctx, actor, req.params.id);
    return presentHotTopic(await visibleHotTopic(ctx.db, actor, req.params.id));
  });
}
