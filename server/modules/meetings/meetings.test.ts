import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaItem, meeting, meetingParticipant } from '../../db/schema/deliberation.ts';
import { notification } from '../../db/schema/notifications.ts';
import { makePerson } from '../../demo/factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { currentCode } from '../activities/rules.ts';
import { makeAgendaItem, makeMeeting, makeMeetingItem, makeParticipant } from './fixtures.ts';

let t: TestContext;
let f: TwoStreets;
let secretary: RoleAccount;
let resident: RoleAccount;
let residentB: RoleAccount;
let street: RoleAccount;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  secretary = await accountFor(t, 'community_secretary', f.a.community, 'secretary-a');
  resident = await accountFor(t, 'resident', f.a.building, 'resident-a', f.a.person.id);
  residentB = await accountFor(t, 'resident', f.b.building, 'resident-b', f.b.person.id);
  street = await accountFor(t, 'street_admin', f.a.street, 'street-a');
});
afterAll(() => t.close());

const sec = () => as(t.app, secretary.session);

/** A draft meeting with one representative and one accepted item on it, through the API. */
async function draft(body: Record<string, unknown>) {
  const m = (await sec().post('/api/meetings', { territoryId: f.a.community.id, title: '议事会', place: '会议室', ...body })).json();
  await sec().post(`/api/meetings/${m.id}/participants`, { name: '居民代表', capacity: 'resident_rep' });
  const item = await makeAgendaItem(t.db, f.a.community, { state: 'accepted', title: '小区绿化改造' });
  await sec().post(`/api/meetings/${m.id}/items`, { agendaItemId: item.id });
  return { m, item };
}

describe('hearings', () => {
  it('refuses a notice that cannot run its public days, then lets residents of the community register to speak until it starts', async () => {
    const { m } = await draft({ kind: 'hearing', startsAt: inDays(3), publicNoticeDays: 5 });
    const late = await sec().post(`/api/meetings/${m.id}/notice`, {});
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'meeting.publicNoticeTooLate', errors: [{ field: 'startsAt' }] });
    expect((await as(t.app, resident.session).get(`/api/meetings/${m.id}`)).statusCode).toBe(404);

    await sec().patch(`/api/meetings/${m.id}`, { startsAt: inDays(6) });
    expect((await sec().post(`/api/meetings/${m.id}/notice`, {})).json().state).toBe('noticed');

    const listed = (await as(t.app, resident.session).get('/api/meetings?kind=hearing')).json().items;
    expect(listed.map((x: { id: string }) => x.id)).toContain(m.id);
    const seen = (await as(t.app, resident.session).get(`/api/meetings/${m.id}`)).json();
    expect(seen).toMatchObject({ noticeText: expect.stringContaining('小区绿化改造'), participants: [], actions: ['register'] });
    expect((await as(t.app, residentB.session).get(`/api/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await as(t.app, residentB.session).post(`/api/meetings/${m.id}/register`)).statusCode).toBe(404);

    const [r1, r2] = await Promise.all([as(t.app, resident.session).post(`/api/meetings/${m.id}/register`), as(t.app, resident.session).post(`/api/meetings/${m.id}/register`)]);
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    expect(r1.json().me).toMatchObject({ capacity: 'speaker' });
    const speakers = await t.db.select().from(meetingParticipant).where(and(eq(meetingParticipant.meetingId, m.id), eq(meetingParticipant.capacity, 'speaker')));
    expect(speakers).toHaveLength(1);
    expect(speakers[0]).toMatchObject({ personId: f.a.person.id, voting: false });
    expect(speakers[0]!.registeredAt).not.toBeNull();
    expect((await sec().get(`/api/meetings/${m.id}`)).json().quorum).toMatchObject({ voting: 1 });

    const other = await makePerson(t.db, t.pii, f.a.building, { name: '后来者' });
    const late2 = await accountFor(t, 'resident', f.a.building, 'resident-late', other.id);
    await t.db.update(meeting).set({ startsAt: new Date(Date.now() - 60_000) }).where(eq(meeting.id, m.id));
    expect((await as(t.app, late2.session).post(`/api/meetings/${m.id}/register`)).json().code).toBe('meeting.registrationClosed');
  });

  it('keeps public notice days to hearings', async () => {
    const res = await sec().post('/api/meetings', { territoryId: f.a.community.id, kind: 'deliberation', title: '议事会', startsAt: inDays(3), publicNoticeDays: 5 });
    expect(res.json().errors[0].field).toBe('publicNoticeDays');
    const hearing = await sec().post('/api/meetings', { territoryId: f.a.community.id, kind: 'hearing', title: '停车收费听证会', startsAt: inDays(9) });
    expect(hearing.json().publicNoticeDays).toBe(5);
  });
});

describe('creating and preparing', () => {
  it('refuses a meeting in the past or outside the caller\'s territory', async () => {
    expect((await sec().post('/api/meetings', { territoryId: f.a.community.id, kind: 'review', title: '评议会', startsAt: inDays(-1) })).json().errors[0].field).toBe('startsAt');
    expect((await sec().post('/api/meetings', { territoryId: f.b.community.id, kind: 'review', title: '评议会', startsAt: inDays(2) })).statusCode).toBe(403);
  });

  it('lets the street convene a regional joint conference', async () => {
    const res = await as(t.app, street.session).post('/api/meetings', { territoryId: f.a.street.id, kind: 'regional_joint_conference', title: '区域化党建联席会', startsAt: inDays(4) });
    expect(res.statusCode).toBe(201);
    expect((await sec().get(`/api/meetings/${res.json().id}`)).statusCode).toBe(404);
  });

  it('needs participants and items before the notice, and edits only drafts', async () => {
    const bare = (await sec().post('/api/meetings', { territoryId: f.a.community.id, kind: 'deliberation', title: '空会议', startsAt: inDays(2) })).json();
    expect((await sec().post(`/api/meetings/${bare.id}/notice`, {})).json().code).toBe('meeting.noParticipants');
    const { m } = await draft({ kind: 'deliberation', startsAt: inDays(2) });
    await sec().post(`/api/meetings/${m.id}/notice`, {});
    expect((await sec().patch(`/api/meetings/${m.id}`, { place: '别处' })).json().code).toBe('meeting.badState');
  });

  it('gives the notice to a participant added after it went out', async () => {
    const { m } = await draft({ kind: 'deliberation', startsAt: inDays(2) });
    await sec().post(`/api/meetings/${m.id}/notice`, {});
    await sec().post(`/api/meetings/${m.id}/participants`, { personId: f.a.person.id, capacity: 'resident_rep' });
    const told = await t.db.select().from(notification).where(and(eq(notification.accountId, resident.accountId), eq(notification.kind, 'meeting.noticed')));
    expect(told.length).toBeGreaterThanOrEqual(1);
    expect((await as(t.app, resident.session).get(`/api/meetings/${m.id}`)).json().mine).toBe(true);
  });

  it('returns the items of a cancelled meeting to the accepted ones', async () => {
    const { m, item } = await draft({ kind: 'deliberation', startsAt: inDays(2) });
    const res = await sec().post(`/api/meetings/${m.id}/cancel`, { reason: '台风预警' });
    expect(res.json()).toMatchObject({ state: 'cancelled', summary: '台风预警' });
    const [a] = await t.db.select().from(agendaItem).where(eq(agendaItem.id, item.id));
    expect(a).toMatchObject({ state: 'accepted', meetingId: null });
  });
});

describe('on the day', () => {
  it('refuses a venue code from someone not on the list, and sign-in before the start', async () => {
    const m = await makeMeeting(t.db, f.a.community, { state: 'noticed' });
    await makeParticipant(t.db, m.id, { personId: f.a.person.id, name: '甲居民' });
    const code = currentCode(m.checkinSecret, m.id, Date.now()).code;
    expect((await as(t.app, resident.session).post(`/api/meetings/${m.id}/check-in`, { code })).json().code).toBe('meeting.badState');
    await sec().post(`/api/meetings/${m.id}/start`);
    const stranger = await accountFor(t, 'resident', f.a.building, 'stranger-a', (await makePerson(t.db, t.pii, f.a.building)).id);
    expect((await as(t.app, stranger.session).post(`/api/meetings/${m.id}/check-in`, { code })).statusCode).toBe(404);
    const other = await makeMeeting(t.db, f.a.community, { state: 'in_progress' });
    const wrongMeeting = currentCode(other.checkinSecret, other.id, Date.now()).code;
    expect((await as(t.app, resident.session).post(`/api/meetings/${m.id}/check-in`, { code: wrongMeeting })).json().code).toBe('validation');
    const [a, b] = await Promise.all([
      as(t.app, resident.session).post(`/api/meetings/${m.id}/check-in`, { code }),
      as(t.app, resident.session).post(`/api/meetings/${m.id}/check-in`, { code: code.toLowerCase() }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().me.signedInAt).toBe(b.json().me.signedInAt);
  });

  it('lets a participant on the list who is not of the community check in', async () => {
    const m = await makeMeeting(t.db, f.a.community, { state: 'in_progress' });
    await makeParticipant(t.db, m.id, { personId: f.b.person.id, name: '乙居民', capacity: 'unit' });
    const code = currentCode(m.checkinSecret, m.id, Date.now()).code;
    expect((await as(t.app, residentB.session).post(`/api/meetings/${m.id}/check-in`, { code })).json().me.signedInAt).not.toBeNull();
  });

  it('decides by a set quorum and rejects a tie', async () => {
    const m = await makeMeeting(t.db, f.a.community, { state: 'in_progress', quorum: 2 });
    for (let i = 0; i < 4; i++) await makeParticipant(t.db, m.id, { name: `代表${i}`, signedInAt: new Date() });
    await makeParticipant(t.db, m.id, { name: '缺席代表' });
    const item = await makeAgendaItem(t.db, f.a.community, { state: 'scheduled', meetingId: m.id });
    const mi = await makeMeetingItem(t.db, m.id, item);
    const res = await sec().post(`/api/meetings/${m.id}/items/${mi.id}/decision`, { method: 'secret_ballot', for: 2, against: 2, abstain: 0 });
    expect(res.json().items[0].decision).toMatchObject({ for: 2, present: 4, outcome: 'rejected', votes: [] });
    expect(res.json().quorum).toEqual({ voting: 5, present: 4, required: 2, met: true });
  });
});
