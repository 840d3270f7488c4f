import { type Case, both } from '../../test/authz.ts';
import { makeMatter } from './fixtures.ts';

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const cogovCases: Record<string, Case> = {
  'GET /api/cogov-matters': {
    inside: () => ({ method: 'GET', url: '/api/cogov-matters' }),
    outside: async (f) => ({ method: 'GET', url: '/api/cogov-matters?pageSize=100', at: f.b.street, hides: [(await makeMatter(f.t.db, f.b.community)).id] }),
  },
  'GET /api/cogov-matters/:id': both(async (s, f) => ({ method: 'GET', url: `/api/cogov-matters/${(await makeMatter(f.t.db, s.community)).id}`, at: s.community })),
  'POST /api/cogov-matters': both((s) => ({ method: 'POST', url: '/api/cogov-matters', payload: { title: '菜场周边停车整治', territoryId: s.community.id }, at: s.community })),
  'POST /api/cogov-matters/:id/stages': both(async (s, f) => ({
    method: 'POST', url: `/api/cogov-matters/${(await makeMatter(f.t.db, s.community)).id}/stages`, payload: { stage: 'propose', outcome: '社区委员会同意提交联席会商议', decidedOn: '2026-01-05' }, at: s.community,
  })),
  'POST /api/cogov-matters/:id/drop': both(async (s, f) => ({ method: 'POST', url: `/api/cogov-matters/${(await makeMatter(f.t.db, s.community)).id}/drop`, payload: { reason: '已由区职能部门统一解决' }, at: s.community })),
};
