import { type Case, both } from '../../test/authz.ts';
import { makeCharter, makeResolution } from './test-data.ts';

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const chartersCases: Record<string, Case> = {
  'GET /api/charters': {
    inside: (f) => ({ method: 'GET', url: `/api/charters?territoryId=${f.a.community.id}` }),
    outside: async (f) => ({ method: 'GET', url: '/api/charters', at: f.b.community, hides: [(await makeCharter(f.t.db, f.b.community)).charter.id] }),
  },
  'POST /api/charters': both((s, f) => ({
    method: 'POST', url: '/api/charters', at: s.community,
    payload: { territoryId: s.community.id, kind: 'convention', title: `公约${f.n()}`, text: '第一条 爱护环境。' },
  })),
  'GET /api/charters/:id': both(async (s, f) => ({ method: 'GET', url: `/api/charters/${(await makeCharter(f.t.db, s.community)).charter.id}`, at: s.community })),
  'POST /api/charters/:id/drafts': both(async (s, f) => ({
    method: 'POST', url: `/api/charters/${(await makeCharter(f.t.db, s.community, [{ state: 'published' }])).charter.id}/drafts`, at: s.community,
  })),
  'GET /api/charters/:id/diff': both(async (s, f) => ({
    method: 'GET', url: `/api/charters/${(await makeCharter(f.t.db, s.community, [{ state: 'published' }, { state: 'draft' }])).charter.id}/diff?from=1&to=2`, at: s.community,
  })),
  'PATCH /api/charter-versions/:id': both(async (s, f) => ({
    method: 'PATCH', url: `/api/charter-versions/${(await makeCharter(f.t.db, s.community)).versions[0]!.id}`, payload: { text: '第一条 新文本。' }, at: s.community,
  })),
  'POST /api/charter-versions/:id/comment-period': both(async (s, f) => ({
    method: 'POST', url: `/api/charter-versions/${(await makeCharter(f.t.db, s.community)).versions[0]!.id}/comment-period`, payload: { commentUntil: inDays(7).toISOString() }, at: s.community,
  })),
  'POST /api/charter-versions/:id/adopt': both(async (s, f) => {
    const { versions } = await makeCharter(f.t.db, s.community, [{ state: 'commenting', commentUntil: inDays(-1) }]);
    return { method: 'POST', url: `/api/charter-versions/${versions[0]!.id}/adopt`, payload: { resolutionId: (await makeResolution(f.t.db, s.community)).id }, at: s.community };
  }),
  'GET /api/charter-versions/:id/adoption-sources': both(async (s, f) => ({
    method: 'GET', url: `/api/charter-versions/${(await makeCharter(f.t.db, s.community)).versions[0]!.id}/adoption-sources?by=resolution`, at: s.community,
  })),
  'POST /api/charter-versions/:id/publish': both(async (s, f) => ({
    method: 'POST', url: `/api/charter-versions/${(await makeCharter(f.t.db, s.community, [{ state: 'published' }, { state: 'adopted' }])).versions[1]!.id}/publish`, at: s.community,
  })),
  'GET /api/charter-versions/:id/comments': both(async (s, f) => ({
    method: 'GET', url: `/api/charter-versions/${(await makeCharter(f.t.db, s.community, [{ state: 'commenting' }])).versions[0]!.id}/comments`, at: s.community,
  })),
  // A resident reads the charters of their own community; street B's stay out of their list.
  'GET /api/my/charters': {
    inside: () => ({ method: 'GET', url: '/api/my/charters' }),
    outside: async (f) => ({ method: 'GET', url: '/api/my/charters', at: f.b.building, hides: [(await makeCharter(f.t.db, f.b.community, [{ state: 'published' }])).charter.id] }),
  },
  'GET /api/my/charters/:id': both(async (s, f) => ({
    method: 'GET', url: `/api/my/charters/${(await makeCharter(f.t.db, s.community, [{ state: 'published' }])).charter.id}`, at: s.building,
  })),
  'GET /api/my/charters/:id/diff': both(async (s, f) => ({
    method: 'GET', url: `/api/my/charters/${(await makeCharter(f.t.db, s.community, [{ state: 'published' }, { state: 'commenting' }])).charter.id}/diff`, at: s.building,
  })),
  'POST /api/my/charter-versions/:id/comments': both(async (s, f) => ({
    method: 'POST', url: `/api/my/charter-versions/${(await makeCharter(f.t.db, s.community, [{ state: 'commenting' }])).versions[0]!.id}/comments`, payload: { text: '建议增加养犬条款。' }, at: s.building,
  })),
};
