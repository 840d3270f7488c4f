import type { Case, Fixture } from '../../test/authz.ts';
import { both } from '../../test/authz.ts';
import type { RoleAccount, Street } from '../../test/two-streets.ts';
import type { meeting } from '../../db/schema/deliberation.ts';
import { currentCode } from '../activities/rules.ts';
import { makeAgendaItem, makeMeeting, makeMeetingItem, makeParticipant } from './fixtures.ts';

type State = (typeof meeting.$inferSelect)['state'];
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);

/**
 * A meeting in the street's community. Inside street A the caller (when it is a person) sits in
 * it, so residents reach it as participants; in street B it is a meeting of strangers.
 */
async function meetingAt(s: Street, f: Fixture, as: RoleAccount, state: State = 'draft', quorum: number | null = null) {
  const m = await makeMeeting(f.t.db, s.community, { state, quorum, title: `议事会${f.n()}`, startsAt: inDays(10) });
  if (s === f.a && as.personId) await makeParticipant(f.t.db, m.id, { personId: as.personId, name: '本人', capacity: 'resident_rep' });
  return m;
}

const url = (m: { id: string }, rest = '') => `/api/meetings/${m.id}${rest}`;

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const meetingsCases: Record<string, Case> = {
  'GET /api/meetings': {
    inside: () => ({ method: 'GET', url: '/api/meetings' }),
    outside: async (f, as) => ({ method: 'GET', url: '/api/meetings?pageSize=100', at: f.b.street, hides: [(await meetingAt(f.b, f, as, 'noticed')).id] }),
  },
  'GET /api/meetings/:id': both(async (s, f, as) => ({ method: 'GET', url: url(await meetingAt(s, f, as)), at: s.building })),
  'GET /api/meetings/:id/minutes': both(async (s, f, as) => ({ method: 'GET', url: url(await meetingAt(s, f, as, 'closed'), '/minutes'), at: s.building })),
  'POST /api/meetings': both((s, f) => ({
    method: 'POST', url: '/api/meetings', at: s.building,
    payload: { territoryId: s.community.id, kind: 'deliberation', title: `议事会${f.n()}`, place: '居委会会议室', startsAt: inDays(3).toISOString() },
  })),
  'PATCH /api/meetings/:id': both(async (s, f, as) => ({ method: 'PATCH', url: url(await meetingAt(s, f, as)), payload: { place: '党群服务站' }, at: s.building })),
  'GET /api/meetings/:id/suggested-participants': both(async (s, f, as) => ({ method: 'GET', url: url(await meetingAt(s, f, as), '/suggested-participants'), at: s.building })),
  'POST /api/meetings/:id/participants': both(async (s, f, as) => ({
    method: 'POST', url: url(await meetingAt(s, f, as), '/participants'), payload: { name: '列席来宾', capacity: 'observer' }, at: s.building,
  })),
  'DELETE /api/meetings/:id/participants/:participantId': both(async (s, f, as) => {
    const m = await meetingAt(s, f, as);
    const p = await makeParticipant(f.t.db, m.id, { name: '临时代表' });
    return { method: 'DELETE', url: url(m, `/participants/${p.id}`), at: s.building };
  }),
  'POST /api/meetings/:id/items': both(async (s, f, as) => {
    const item = await makeAgendaItem(f.t.db, s.community, { state: 'accepted', title: `议题${f.n()}` });
    return { method: 'POST', url: url(await meetingAt(s, f, as), '/items'), payload: { agendaItemId: item.id }, at: s.building };
  }),
  'DELETE /api/meetings/:id/items/:meetingItemId': both(async (s, f, as) => {
    const m = await meetingAt(s, f, as);
    const item = await makeAgendaItem(f.t.db, s.community, { state: 'scheduled', meetingId: m.id });
    return { method: 'DELETE', url: url(m, `/items/${(await makeMeetingItem(f.t.db, m.id, item)).id}`), at: s.building };
  }),
  'PUT /api/meetings/:id/items/order': both(async (s, f, as) => {
    const m = await meetingAt(s, f, as, 'noticed');
    const first = await makeMeetingItem(f.t.db, m.id, await makeAgendaItem(f.t.db, s.community, { state: 'scheduled', meetingId: m.id }), 1);
    const second = await makeMeetingItem(f.t.db, m.id, await makeAgendaItem(f.t.db, s.community, { state: 'scheduled', meetingId: m.id }), 2);
    return { method: 'PUT', url: url(m, '/items/order'), payload: { meetingItemIds: [second.id, first.id] }, at: s.building };
  }),
  'POST /api/meetings/:id/notice': both(async (s, f, as) => {
    const m = await meetingAt(s, f, as);
    await makeParticipant(f.t.db, m.id, { name: '居民代表' });
    const item = await makeAgendaItem(f.t.db, s.community, { state: 'scheduled', meetingId: m.id });
    await makeMeetingItem(f.t.db, m.id, item);
    return { method: 'POST', url: url(m, '/notice'), payload: {}, at: s.building };
  }),
  'POST /api/meetings/:id/register': both(async (s, f) => {
    const m = await makeMeeting(f.t.db, s.community, { kind: 'hearing', state: 'noticed', publicNoticeDays: 5, startsAt: inDays(10), title: `听证会${f.n()}` });
    return { method: 'POST', url: url(m, '/register'), at: s.building };
  }),
  'POST /api/meetings/:id/start': both(async (s, f, as) => ({ method: 'POST', url: url(await meetingAt(s, f, as, 'noticed'), '/start'), at: s.building })),
  'GET /api/meetings/:id/code': both(async (s, f, as) => ({ method: 'GET', url: url(await meetingAt(s, f, as, 'in_progress'), '/code'), at: s.building })),
  'POST /api/meetings/:id/sign-in': both(async (s, f, as) => {
    const m = await meetingAt(s, f, as, 'in_progress');
    const p = await makeParticipant(f.t.db, m.id, { name: '居民代表' });
    return { method: 'POST', url: url(m, '/sign-in'), payload: { participantId: p.id }, at: s.building };
  }),
  'POST /api/meetings/:id/check-in': both(async (s, f, as) => {
    const m = await meetingAt(s, f, as, 'in_progress');
    return { method: 'POST', url: url(m, '/check-in'), payload: { code: currentCode(m.checkinSecret, m.id, Date.now()).code }, at: s.building };
  }),
  'POST /api/meetings/:id/minutes': both(async (s, f, as) => ({
    method: 'POST', url: url(await meetingAt(s, f, as, 'in_progress'), '/minutes'), payload: { speaker: '居民代表', opinion: '同意加装电梯，费用按楼层分摊' }, at: s.building,
  })),
  'POST /api/meetings/:id/items/:meetingItemId/decision': both(async (s, f, as) => {
    // Quorum 1: the caller may sit in the meeting without having signed in.
    const m = await meetingAt(s, f, as, 'in_progress', 1);
    await makeParticipant(f.t.db, m.id, { name: '居民代表', signedInAt: new Date() });
    const item = await makeAgendaItem(f.t.db, s.community, { state: 'scheduled', meetingId: m.id });
    const mi = await makeMeetingItem(f.t.db, m.id, item);
    return { method: 'POST', url: url(m, `/items/${mi.id}/decision`), payload: { method: 'secret_ballot', for: 1, against: 0, abstain: 0 }, at: s.building };
  }),
  'POST /api/meetings/:id/close': both(async (s, f, as) => ({ method: 'POST', url: url(await meetingAt(s, f, as, 'in_progress'), '/close'), payload: { summary: '会议顺利结束' }, at: s.building })),
  'POST /api/meetings/:id/cancel': both(async (s, f, as) => ({ method: 'POST', url: url(await meetingAt(s, f, as), '/cancel'), payload: { reason: '台风预警，改期召开' }, at: s.building })),
};
