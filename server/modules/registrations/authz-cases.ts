import { eq } from 'drizzle-orm';
import { memberRegistration } from '../../db/schema/members.ts';
import { type Case, both } from '../../test/authz.ts';
import { endUnitRegistrations, pendingRegistration, pendingUnitRegistration } from '../../test/member-fixtures.ts';
import { ensureDefaultRules } from '../points/default-rules.ts';

/** This module's routes in the authorization matrix (dual registration and unit registration): each route × role × inside/outside. */
export const registrationsCases: Record<string, Case> = {
  'GET /api/registrations/mine': { inside: () => ({ method: 'GET', url: '/api/registrations/mine' }) },
  'POST /api/registrations': both(async (s, f, as) => {
    if (as.personId) await f.t.db.update(memberRegistration).set({ state: 'withdrawn' }).where(eq(memberRegistration.personId, as.personId));
    return { method: 'POST', url: '/api/registrations', payload: { communityId: s.community.id, workplaceOrgName: '区外某公司党委' }, at: s.community, denied: [404] };
  }),
  'POST /api/registrations/:id/withdraw': {
    inside: async (f, as) => ({ method: 'POST', url: `/api/registrations/${await pendingRegistration(f.t, f.a, as.personId)}/withdraw`, at: f.a.community, denied: [404] }),
    outside: async (f) => ({ method: 'POST', url: `/api/registrations/${await pendingRegistration(f.t, f.b)}/withdraw`, at: f.b.community, denied: [404] }),
  },
  'GET /api/workplace-orgs': { inside: () => ({ method: 'GET', url: '/api/workplace-orgs?q=党' }) },
  'GET /api/registrations': {
    inside: (f) => ({ method: 'GET', url: `/api/registrations?territoryId=${f.a.community.id}` }),
    outside: async (f) => ({ method: 'GET', url: '/api/registrations', at: f.b.community, hides: [await pendingRegistration(f.t, f.b)] }),
  },
  'GET /api/registrations/roster.xlsx': both((s) => ({ method: 'GET', url: `/api/registrations/roster.xlsx?territoryId=${s.community.id}`, at: s.community, denied: [404] })),
  'POST /api/registrations/:id/confirm': both(async (s, f) => {
    await ensureDefaultRules(f.t.db, f.district.id);
    return { method: 'POST', url: `/api/registrations/${await pendingRegistration(f.t, s)}/confirm`, at: s.community, denied: [404] };
  }),
  'POST /api/registrations/:id/return': both(async (s, f) => ({
    method: 'POST', url: `/api/registrations/${await pendingRegistration(f.t, s)}/return`, payload: { reason: '住址与户籍不符' }, at: s.community, denied: [404],
  })),
  'GET /api/registrations/stats': both((s) => ({ method: 'GET', url: `/api/registrations/stats?territoryId=${s.community.id}`, at: s.community, denied: [404] })),
  'GET /api/workplace/:bodyId/records': both((s) => ({ method: 'GET', url: `/api/workplace/${s.branch.id}/records?year=2026`, at: s.community, denied: [404] })),
  'GET /api/workplace/:bodyId/records.xlsx': both((s) => ({ method: 'GET', url: `/api/workplace/${s.branch.id}/records.xlsx?year=2026`, at: s.community, denied: [404] })),
  'GET /api/unit-registrations': {
    inside: () => ({ method: 'GET', url: '/api/unit-registrations' }),
    outside: async (f) => ({ method: 'GET', url: '/api/unit-registrations', at: f.b.community, hides: [await pendingUnitRegistration(f.t, f.b, f.b.community)] }),
  },
  'GET /api/unit-registrations/units': { inside: () => ({ method: 'GET', url: '/api/unit-registrations/units' }) },
  'POST /api/unit-registrations': both(async (s, f) => {
    await endUnitRegistrations(f.t, s.branch.id);
    return { method: 'POST', url: '/api/unit-registrations', payload: { bodyId: s.branch.id, territoryId: s.street.id, commitments: '提供场地' }, at: s.community, denied: [404] };
  }),
  'POST /api/unit-registrations/:id/withdraw': both(async (s, f) => ({
    method: 'POST', url: `/api/unit-registrations/${await pendingUnitRegistration(f.t, s, s.street)}/withdraw`, at: s.community, denied: [404],
  })),
  'POST /api/unit-registrations/:id/confirm': both(async (s, f) => ({
    method: 'POST', url: `/api/unit-registrations/${await pendingUnitRegistration(f.t, s, s.community)}/confirm`, at: s.community, denied: [404],
  })),
  'POST /api/unit-registrations/:id/return': both(async (s, f) => ({
    method: 'POST', url: `/api/unit-registrations/${await pendingUnitRegistration(f.t, s, s.community)}/return`, payload: { reason: '承诺内容过于笼统' }, at: s.community, denied: [404],
  })),
};
