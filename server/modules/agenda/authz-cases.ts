import type { Case, Fixture } from '../../test/authz.ts';
import { both } from '../../test/authz.ts';
import type { RoleAccount, Street } from '../../test/two-streets.ts';
import { makeAgendaItem } from '../meetings/fixtures.ts';

/** An item in the street's community: inside street A it is the caller's own proposal, in B a stranger's. */
function itemAt(s: Street, f: Fixture, as: RoleAccount, state: 'proposed' | 'accepted' = 'proposed') {
  const own = s === f.a;
  return makeAgendaItem(f.t.db, s.community, {
    state, title: `议题${f.n()}`,
    proposedBy: own ? as.accountId : null, proposerPersonId: own ? as.personId : s.person.id,
  });
}

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const agendaCases: Record<string, Case> = {
  'GET /api/agenda-items': {
    inside: () => ({ method: 'GET', url: '/api/agenda-items' }),
    outside: async (f, as) => ({ method: 'GET', url: '/api/agenda-items?pageSize=100', at: f.b.street, hides: [(await itemAt(f.b, f, as, 'accepted')).id] }),
  },
  'GET /api/agenda-items/:id': both(async (s, f, as) => ({ method: 'GET', url: `/api/agenda-items/${(await itemAt(s, f, as)).id}`, at: s.building })),
  'POST /api/agenda-items': both((s, f) => ({
    method: 'POST', url: '/api/agenda-items', payload: { title: `加装电梯${f.n()}`, territoryId: s.community.id }, at: s.building,
  })),
  'POST /api/agenda-items/:id/accept': both(async (s, f, as) => ({ method: 'POST', url: `/api/agenda-items/${(await itemAt(s, f, as)).id}/accept`, at: s.building })),
  'POST /api/agenda-items/:id/return': both(async (s, f, as) => ({
    method: 'POST', url: `/api/agenda-items/${(await itemAt(s, f, as)).id}/return`, payload: { reason: '属于物业日常维修，已转诉求办理' }, at: s.building,
  })),
  'POST /api/agenda-items/:id/merge': both(async (s, f, as) => {
    const into = await itemAt(s, f, as, 'accepted');
    return { method: 'POST', url: `/api/agenda-items/${(await itemAt(s, f, as)).id}/merge`, payload: { intoId: into.id }, at: s.building };
  }),
  // The caller's own proposal in either street: proposing there is what their grant must cover.
  'POST /api/agenda-items/:id/withdraw': both(async (s, f, as) => {
    const item = await makeAgendaItem(f.t.db, s.community, { title: `议题${f.n()}`, proposedBy: as.accountId, proposerPersonId: as.personId });
    return { method: 'POST', url: `/api/agenda-items/${item.id}/withdraw`, at: s.building };
  }),
};
