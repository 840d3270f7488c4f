import { type Case, both } from '../../test/authz.ts';
import { makeCase } from './test-data.ts';

/** This module's routes in the authorization matrix: cases sit on the grid, where the grid worker handles them. */
export const mediationCases: Record<string, Case> = {
  'GET /api/mediation-cases': {
    inside: (f) => ({ method: 'GET', url: `/api/mediation-cases?territoryId=${f.a.grid.id}` }),
    outside: async (f) => ({ method: 'GET', url: '/api/mediation-cases', at: f.b.grid, hides: [(await makeCase(f.t.db, f.t.pii, f.b.grid)).case.id] }),
  },
  'POST /api/mediation-cases': both((s, f) => ({
    method: 'POST', url: '/api/mediation-cases', at: s.grid,
    payload: {
      territoryId: s.grid.id, kind: 'neighbour', title: `噪音纠纷${f.n()}`,
      parties: [{ side: 'applicant', personId: s.person.id }, { side: 'respondent', name: '王五', phone: '13900001111' }],
    },
  })),
  'GET /api/mediation-cases/:id': both(async (s, f) => ({ method: 'GET', url: `/api/mediation-cases/${(await makeCase(f.t.db, f.t.pii, s.grid)).case.id}`, at: s.grid })),
  'POST /api/mediation-cases/:id/parties': both(async (s, f) => ({
    method: 'POST', url: `/api/mediation-cases/${(await makeCase(f.t.db, f.t.pii, s.grid)).case.id}/parties`, payload: { side: 'respondent', bodyId: s.branch.id }, at: s.grid,
  })),
  'POST /api/mediation-cases/:id/mediator': both(async (s, f) => ({
    method: 'POST', url: `/api/mediation-cases/${(await makeCase(f.t.db, f.t.pii, s.grid)).case.id}/mediator`, payload: { personId: s.person.id }, at: s.grid,
  })),
  'POST /api/mediation-cases/:id/sessions': both(async (s, f) => ({
    method: 'POST', url: `/api/mediation-cases/${(await makeCase(f.t.db, f.t.pii, s.grid)).case.id}/sessions`,
    payload: { heldAt: new Date().toISOString(), place: '调解室', notes: '双方陈述。' }, at: s.grid,
  })),
  'POST /api/mediation-cases/:id/agreement': both(async (s, f) => ({
    method: 'POST', url: `/api/mediation-cases/${(await makeCase(f.t.db, f.t.pii, s.grid)).case.id}/agreement`, payload: { text: '楼上修复防水层。' }, at: s.grid,
  })),
  'POST /api/mediation-cases/:id/parties/:partyId/sign': both(async (s, f) => {
    const m = await makeCase(f.t.db, f.t.pii, s.grid, { state: 'in_mediation', agreementText: '楼上修复防水层。' });
    return { method: 'POST', url: `/api/mediation-cases/${m.case.id}/parties/${m.parties[0]!.id}/sign`, at: s.grid };
  }),
  'POST /api/mediation-cases/:id/fail': both(async (s, f) => ({
    method: 'POST', url: `/api/mediation-cases/${(await makeCase(f.t.db, f.t.pii, s.grid, { state: 'in_mediation' })).case.id}/fail`, payload: { reason: '双方分歧过大' }, at: s.grid,
  })),
  'POST /api/mediation-cases/:id/follow-up': both(async (s, f) => ({
    method: 'POST', url: `/api/mediation-cases/${(await makeCase(f.t.db, f.t.pii, s.grid, { state: 'agreed', agreementText: '已协商一致。', agreedAt: new Date() })).case.id}/follow-up`,
    payload: { visitedOn: '2026-03-01', note: '协议已履行。' }, at: s.grid,
  })),
  'GET /api/mediators': both((s) => ({ method: 'GET', url: `/api/mediators?territoryId=${s.grid.id}`, at: s.grid })),
};
