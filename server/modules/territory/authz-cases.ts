import { makeNode } from '../../demo/factories.ts';
import { type Case, both } from '../../test/authz.ts';

const csv = { 'content-type': 'text/csv' };

/** This module's routes in the authorization matrix (the tree: reading, changing and importing nodes, and the overview under a node): each route × role × inside/outside. */
export const territoryCases: Record<string, Case> = {
  'GET /api/territories/roots': {
    inside: () => ({ method: 'GET', url: '/api/territories/roots' }),
    outside: (f) => ({ method: 'GET', url: '/api/territories/roots', at: f.b.street, hides: [f.b.street.id] }),
  },
  'GET /api/territories': both((s) => ({ method: 'GET', url: `/api/territories?code=${s.building.code}`, at: s.building, hides: [s.building.id] })),
  'GET /api/territories/:id': both((s) => ({ method: 'GET', url: `/api/territories/${s.building.id}`, at: s.building, denied: [404] })),
  'GET /api/territories/:id/children': both((s) => ({ method: 'GET', url: `/api/territories/${s.building.id}/children`, at: s.building, denied: [404] })),
  'POST /api/territories': both((s, f) => ({
    method: 'POST', url: '/api/territories', payload: { parentId: s.grid.id, name: `新楼${f.n()}`, kind: 'building' }, at: s.grid, denied: [404],
  })),
  'PATCH /api/territories/:id': both((s) => ({ method: 'PATCH', url: `/api/territories/${s.building.id}`, payload: { name: s.building.name }, at: s.building, denied: [404] })),
  'POST /api/territories/:id/move': both((s) => ({
    method: 'POST', url: `/api/territories/${s.building.id}/move`, payload: { parentId: s.grid.id }, at: s.building, denied: [404],
  })),
  'POST /api/territories/:id/retire': both(async (s, f) => {
    const n = await makeNode(f.t.db, s.grid, 'building', `待撤销${f.n()}`);
    return { method: 'POST', url: `/api/territories/${n.id}/retire`, at: n, denied: [404] };
  }),
  'POST /api/territories/import': both((s) => ({
    method: 'POST', url: '/api/territories/import', headers: csv, at: s.building, denied: [404],
    payload: `code,name,level,parent_code\n${s.building.code},${s.building.name},building,${s.grid.code}\n`,
  })),
  'GET /api/stats/overview': both((s) => ({ method: 'GET', url: `/api/stats/overview?territoryId=${s.grid.id}`, at: s.grid, denied: [404] })),
};
