import { type Case, both } from '../../test/authz.ts';
import { makeHotTopic } from './test-data.ts';

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const hotTopicsCases: Record<string, Case> = {
  'GET /api/hot-topics': {
    inside: () => ({ method: 'GET', url: '/api/hot-topics' }),
    outside: async (f) => ({ method: 'GET', url: '/api/hot-topics', at: f.b.community, hides: [(await makeHotTopic(f.t.db, f.b.community)).id] }),
  },
  'GET /api/hot-topics/:id': both(async (s, f) => ({ method: 'GET', url: `/api/hot-topics/${(await makeHotTopic(f.t.db, s.community)).id}`, at: s.community })),
  'POST /api/hot-topics/:id/acknowledge': both(async (s, f) => ({
    method: 'POST', url: `/api/hot-topics/${(await makeHotTopic(f.t.db, s.community)).id}/acknowledge`, at: s.community,
  })),
};
