import { makeNode } from '../../demo/factories.ts';
import { type Case, both } from '../../test/authz.ts';
import { categoryOf, makeDemand } from '../demands/fixtures.ts';

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const demandDeadlinesCases: Record<string, Case> = {
  // The community whistles for what it holds, the street for what it holds: each probe gives the
  // caller a demand held at the level its role whistles from.
  'POST /api/demands/:id/whistle': both(async (s, f, as) => {
    const d = await makeDemand(f.t, { at: s.building, districtId: f.district.id, set: { state: 'accepted', level: as.role === 'street_admin' ? 'street' : 'community' } });
    return { method: 'POST', url: `/api/demands/${d.id}/whistle`, payload: { reason: '需要上级协调' }, at: s.building };
  }),
  'POST /api/demand-categories': {
    inside: (f) => ({
      method: 'POST', url: '/api/demand-categories', at: f.district,
      payload: { code: `matrix-${f.n()}`, name: '矩阵测试类别', defaultHandler: 'residents_committee', deadlineDays: 3 },
    }),
  },
  'PATCH /api/demand-categories/:id': {
    inside: async (f) => ({ method: 'PATCH', url: `/api/demand-categories/${(await categoryOf(f.t, f.district.id, 'other')).id}`, payload: { description: '以上类别之外的诉求' }, at: f.district }),
    // A category of a district nobody in the matrix is granted.
    outside: async (f) => {
      const other = await makeNode(f.t.db, null, 'district', `他区${f.n()}`);
      return { method: 'PATCH', url: `/api/demand-categories/${(await categoryOf(f.t, other.id, 'other')).id}`, payload: { description: '他区的类别' }, at: other };
    },
  },
  'GET /api/work-calendar': { inside: () => ({ method: 'GET', url: '/api/work-calendar?year=2026' }) },
  'PUT /api/work-calendar/:day': {
    inside: (f) => ({ method: 'PUT', url: '/api/work-calendar/2026-10-08', payload: { kind: 'holiday', name: '国庆节' }, at: f.district }),
    outside: async (f) => {
      const other = await makeNode(f.t.db, null, 'district', `他区${f.n()}`);
      return { method: 'PUT', url: `/api/work-calendar/2026-10-08?districtId=${other.id}`, payload: { kind: 'holiday' }, at: other };
    },
  },
  'DELETE /api/work-calendar/:day': {
    inside: (f) => ({ method: 'DELETE', url: '/api/work-calendar/2026-10-08', at: f.district }),
    outside: async (f) => {
      const other = await makeNode(f.t.db, null, 'district', `他区${f.n()}`);
      return { method: 'DELETE', url: `/api/work-calendar/2026-10-08?districtId=${other.id}`, at: other };
    },
  },
};
