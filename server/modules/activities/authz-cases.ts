import { makeActivity, makeService, makeSignup } from '../../demo/member-factories.ts';
import { type Case, both } from '../../test/authz.ts';
import { currentCode } from './rules.ts';

const inHoursDate = (h: number) => new Date(Date.now() + h * 3_600_000);
const inHours = (h: number) => inHoursDate(h).toISOString();

/** This module's routes in the authorization matrix (the service catalogue and activities: staff of the community publish, members of the street join): each route × role × inside/outside. */
export const activitiesCases: Record<string, Case> = {
  'GET /api/services': {
    inside: (f) => ({ method: 'GET', url: `/api/services?territoryId=${f.a.community.id}` }),
    outside: async (f) => ({ method: 'GET', url: '/api/services', at: f.b.street, hides: [(await makeService(f.t.db, f.b.community)).id] }),
  },
  'POST /api/services': both((s, f) => ({
    method: 'POST', url: '/api/services', payload: { territoryId: s.community.id, category: '其他', title: `服务${f.n()}` }, at: s.community, denied: [404],
  })),
  'PATCH /api/services/:id': both(async (s, f) => ({
    method: 'PATCH', url: `/api/services/${(await makeService(f.t.db, s.community)).id}`, payload: { title: '法律咨询' }, at: s.community, denied: [404],
  })),
  'GET /api/activities': {
    inside: (f) => ({ method: 'GET', url: `/api/activities?territoryId=${f.a.community.id}` }),
    outside: async (f) => ({ method: 'GET', url: '/api/activities', at: f.b.street, hides: [(await makeActivity(f.t.db, f.b.community)).id] }),
  },
  'GET /api/activities/:id': both(async (s, f) => ({ method: 'GET', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}`, at: s.community, denied: [404] })),
  'POST /api/activities': both((s) => ({
    method: 'POST', url: '/api/activities', at: s.community, denied: [404],
    payload: { territoryId: s.community.id, kind: 'volunteer', title: '清洁家园', startsAt: inHours(24), endsAt: inHours(26), capacity: 10 },
  })),
  'PATCH /api/activities/:id': both(async (s, f) => ({
    method: 'PATCH', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}`, payload: { place: '活动室' }, at: s.community, denied: [404],
  })),
  'POST /api/activities/:id/cancel': both(async (s, f) => ({ method: 'POST', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}/cancel`, at: s.community, denied: [404] })),
  'POST /api/activities/:id/signup': both(async (s, f) => ({ method: 'POST', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}/signup`, at: s.community, denied: [404] })),
  'DELETE /api/activities/:id/signup': both(async (s, f, as) => {
    const a = await makeActivity(f.t.db, s.community);
    if (as.personId) await makeSignup(f.t.db, a.id, as.personId);
    return { method: 'DELETE', url: `/api/activities/${a.id}/signup`, at: s.community, denied: [404] };
  }),
  'GET /api/me/signups': { inside: () => ({ method: 'GET', url: '/api/me/signups' }) },
  'GET /api/activities/:id/qr': both(async (s, f) => ({ method: 'GET', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}/qr`, at: s.community, denied: [404] })),
  'POST /api/activities/:id/checkin': both(async (s, f, as) => {
    const a = await makeActivity(f.t.db, s.community, { startsAt: inHoursDate(-0.5) });
    if (as.personId) await makeSignup(f.t.db, a.id, as.personId);
    return { method: 'POST', url: `/api/activities/${a.id}/checkin`, payload: { code: currentCode(a.qrSecret, a.id, Date.now()).code }, at: s.community, denied: [404] };
  }),
  'POST /api/activities/:id/checkout': both(async (s, f, as) => {
    const a = await makeActivity(f.t.db, s.community, { startsAt: inHoursDate(-1) });
    if (as.personId) await makeSignup(f.t.db, a.id, as.personId, { state: 'checked_in', checkedInAt: inHoursDate(-1) });
    return { method: 'POST', url: `/api/activities/${a.id}/checkout`, payload: { code: currentCode(a.qrSecret, a.id, Date.now()).code }, at: s.community, denied: [404] };
  }),
  'GET /api/activities/:id/signups': both(async (s, f) => ({ method: 'GET', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}/signups`, at: s.community, denied: [404] })),
  'POST /api/activities/:id/signups/:personId/checkin': both(async (s, f) => {
    const a = await makeActivity(f.t.db, s.community);
    await makeSignup(f.t.db, a.id, s.person.id);
    return { method: 'POST', url: `/api/activities/${a.id}/signups/${s.person.id}/checkin`, at: s.community, denied: [404] };
  }),
  'POST /api/activities/:id/signups/:personId/checkout': both(async (s, f) => {
    const a = await makeActivity(f.t.db, s.community, { startsAt: inHoursDate(-2) });
    await makeSignup(f.t.db, a.id, s.person.id, { state: 'checked_in', checkedInAt: inHoursDate(-2) });
    return { method: 'POST', url: `/api/activities/${a.id}/signups/${s.person.id}/checkout`, at: s.community, denied: [404] };
  }),
  'GET /api/activities/active': both((s) => ({ method: 'GET', url: `/api/activities/active?territoryId=${s.community.id}`, at: s.community, denied: [404] })),
};
