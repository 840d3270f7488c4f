import { type Case, both } from '../../test/authz.ts';
import { freshEntry } from '../../test/member-fixtures.ts';
import { ensureDefaultRules } from './default-rules.ts';

/** This module's routes in the authorization matrix (rules, rankings, the ledger and commendations): each route × role × inside/outside. */
export const pointsCases: Record<string, Case> = {
  'GET /api/points/rules': { inside: async (f) => (await ensureDefaultRules(f.t.db, f.district.id), { method: 'GET', url: '/api/points/rules' }) },
  'PUT /api/points/rules/:code': {
    inside: (f) => ({ method: 'PUT', url: '/api/points/rules/activity', payload: { districtId: f.district.id, points: 5, monthlyCap: null, expiry: 'none' } }),
  },
  'GET /api/points/rankings': both((s) => ({ method: 'GET', url: `/api/points/rankings?territoryId=${s.community.id}&period=all`, at: s.community, denied: [404] })),
  'GET /api/points/me': { inside: () => ({ method: 'GET', url: '/api/points/me' }) },
  'GET /api/points/me/history': { inside: () => ({ method: 'GET', url: '/api/points/me/history' }) },
  'GET /api/points/entries': {
    inside: (f) => ({ method: 'GET', url: `/api/points/entries?personId=${f.a.person.id}` }),
    outside: async (f) => {
      await freshEntry(f.t, f.district, f.b.person.id);
      return { method: 'GET', url: `/api/points/entries?personId=${f.b.person.id}`, at: f.b.community, hides: [f.b.person.id] };
    },
  },
  'POST /api/points/entries/:id/reverse': both(async (s, f) => ({
    method: 'POST', url: `/api/points/entries/${await freshEntry(f.t, f.district, s.person.id)}/reverse`, payload: { note: '重复录入' }, at: s.community, denied: [404],
  })),
  'GET /api/points/commendations': both((s) => ({ method: 'GET', url: `/api/points/commendations?territoryId=${s.community.id}&period=2026`, at: s.community, denied: [404] })),
  'POST /api/points/commendations': both((s) => ({ method: 'POST', url: '/api/points/commendations', payload: { territoryId: s.community.id, period: '2026' }, at: s.community, denied: [404] })),
};
