import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { agendaItem, meeting } from '../../db/schema/deliberation.ts';
import { notification } from '../../db/schema/notifications.ts';
import { makeBody, makeMember, makePerson } from '../../demo/factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { notificationsEnUS } from '../../../web/src/app/i18n/notifications.en-US.ts';
import { renderNotice } from '../../../web/src/modules/notifications/notice-text.ts';
import { venueCode, windowOf } from '../activities/rules.ts';

let t: TestContext;
let f: TwoStreets;
let secretary: RoleAccount;
let worker: RoleAccount;
let proposer: RoleAccount;
let ownersRep: RoleAccount;
const people: Record<string, { id: string; name: string }> = {};
const bodies: Record<string, { id: string }> = {};

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  secretary = await accountFor(t, 'community_secretary', f.a.community, 'secretary-a');
  worker = await accountFor(t, 'community_worker', f.a.community, 'worker-a');
  proposer = await accountFor(t, 'resident', f.a.building, 'resident-a', f.a.person.id);
  bodies.party_org = f.a.branch;
  bodies.residents_committee = await makeBody(t.db, f.a.community, 'residents_committee', '甲居委会');
  bodies.owners_committee = await makeBody(t.db, f.a.community, 'owners_committee', '甲小区业委会');
  bodies.property_company = await makeBody(t.db, f.a.community, 'property_company', '甲物业公司');
  const seat = async (key: string, name: string, position: 'secretary' | 'director' | 'manager' | 'member') => {
    const p = await makePerson(t.db, t.pii, f.a.building, { name });
    await makeMember(t.db, bodies[key]!.id, p.id, position);
    people[key] = { id: p.id, name };
  };
  await seat('party_org', '王书记', 'secretary');
  await seat('residents_committee', '李主任', 'director');
  await seat('owners_committee', '赵主任', 'director');
  ownersRep = await accountFor(t, 'resident', f.a.building, 'owners-rep', people.owners_committee!.id);
});
afterAll(() => t.close());

const sec = () => as(t.app, secretary.session);

describe('a four-in-one joint meeting', () => {
  it('runs from creation through notice, sign-in, quorum, minutes, decisions and close', async () => {
    // An accepted proposal and a second one the meeting will not get to.
    const lift = (await as(t.app, proposer.session).post('/api/agenda-items', { title: '3号楼加装电梯' })).json();
    await sec().post(`/api/agenda-items/${lift.id}/accept`);
    const parking = (await sec().post('/api/agenda-items', { title: '非机动车棚改造', territoryId: f.a.community.id })).json();
    await sec().post(`/api/agenda-items/${parking.id}/accept`);
    const fees = (await sec().post('/api/agenda-items', { title: '物业费调整', territoryId: f.a.community.id })).json();
    await sec().post(`/api/agenda-items/${fees.id}/accept`);

    const created = await sec().post('/api/meetings', {
      territoryId: f.a.community.id, kind: 'joint_four_in_one', title: '十一月四位一体联席会', place: '甲居民区党群服务站',
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    expect(created.statusCode).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({ state: 'draft', convener: { id: f.a.branch.id }, fourBodies: { party_org: false, property_company: false } });
    const url = `/api/meetings/${m.id}`;

    // The system proposes who sits for each body; the property company has nobody yet.
    const suggested = (await sec().get(`${url}/suggested-participants`)).json();
    expect(suggested.missing).toEqual(['property_company']);
    expect(suggested.items.map((i: { name: string; capacity: string }) => [i.capacity, i.name])).toEqual([
      ['party_org', '王书记'], ['residents_committee', '李主任'], ['owners_committee', '赵主任'],
    ]);
    for (const s of suggested.items) {
      expect((await sec().post(`${url}/participants`, { personId: s.personId, bodyId: s.bodyId, capacity: s.capacity })).statusCode).toBe(200);
    }
    expect((await sec().post(`${url}/participants`, { personId: people.party_org!.id, capacity: 'party_org' })).json().code).toBe('meeting.alreadyParticipant');
    for (const item of [lift, parking, fees]) await sec().post(`${url}/items`, { agendaItemId: item.id });

    const refused = await sec().post(`${url}/notice`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'meeting.bodiesMissing', missing: ['property_company'], errors: [{ field: 'participants' }] });
    expect(refused.json().detail).toContain('物业公司');

    // A guest cannot stand in for the missing body, nor can another body.
    const guest = await sec().post(`${url}/participants`, { name: '自称物业', capacity: 'property_company' });
    expect(guest.json().errors[0]).toMatchObject({ field: 'bodyId', code: 'meeting.unknownBody' });
    const posing = await sec().post(`${url}/participants`, { name: '业委会委员', bodyId: bodies.owners_committee!.id, capacity: 'property_company' });
    expect(posing.statusCode).toBe(422);
    const manager = await makePerson(t.db, t.pii, f.a.building, { name: '陈经理' });
    await makeMember(t.db, bodies.property_company!.id, manager.id, 'manager');
    const again = (await sec().get(`${url}/suggested-participants`)).json();
    expect(again.missing).toEqual([]);
    await sec().post(`${url}/participants`, { personId: manager.id, bodyId: bodies.property_company!.id, capacity: 'property_company' });
    await sec().post(`${url}/participants`, { name: '街道联络员', capacity: 'observer' });

    const noticed = await sec().post(`${url}/notice`, {});
    expect(noticed.statusCode).toBe(200);
    expect(noticed.json()).toMatchObject({ state: 'noticed', fourBodies: { party_org: true, residents_committee: true, owners_committee: true, property_company: true } });
    expect(noticed.json().noticeText).toMatch(/1\. 3号楼加装电梯\n2\. 非机动车棚改造\n3\. 物业费调整/);
    const [told] = await t.db.select().from(notification).where(and(eq(notification.accountId, ownersRep.accountId), eq(notification.kind, 'meeting.noticed')));
    expect(told!.body).toContain('3号楼加装电梯');
    expect((await sec().post(`${url}/notice`, {})).json().code).toBe('meeting.badState');
    const [scheduled] = await t.db.select().from(notification).where(and(eq(notification.accountId, proposer.accountId), eq(notification.kind, 'agenda.scheduled')));
    expect(scheduled!.params).toMatchObject({ agendaItemId: lift.id, meetingId: m.id });
    // Both notices carry what their sentences name, so an English reader gets them in English.
    const english = (n: typeof told) => renderNotice(n!, 'en-US', (key) => (notificationsEnUS as Record<string, string>)[key]);
    expect(english(told)).toMatchObject({ fromCatalogue: true, body: told!.body });
    expect(english(scheduled)).toMatchObject({ fromCatalogue: true, title: expect.stringContaining('3号楼加装电梯') });

    const started = (await sec().post(`${url}/start`)).json();
    expect(started.quorum).toEqual({ voting: 4, present: 0, required: 3, met: false });
    const items = started.items as { id: string; agendaItem: { id: string } }[];
    const noQuorum = await sec().post(`${url}/items/${items[0]!.id}/decision`, { method: 'secret_ballot', for: 1, against: 0, abstain: 0 });
    expect(noQuorum.statusCode).toBe(409);
    expect(noQuorum.json()).toMatchObject({ code: 'meeting.quorumNotMet', present: 0, required: 3 });

    // Sign-in: the clerk twice at once for one person writes one sign-in; the owners' rep scans the code.
    const pid = (personId: string) => (started as { participants: { id: string; personId: string | null }[] }).participants.find((p) => p.personId === personId)!.id;
    const party = pid(people.party_org!.id);
    await Promise.all([sec().post(`${url}/sign-in`, { participantId: party }), as(t.app, worker.session).post(`${url}/sign-in`, { participantId: party })]);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'meeting.signIn'), eq(auditLog.targetId, m.id)))).toHaveLength(1);
    const stale = venueCode(await secretOf(m.id), m.id, windowOf(Date.now()) - 2);
    const old = await as(t.app, ownersRep.session).post(`${url}/check-in`, { code: stale });
    expect(old.statusCode).toBe(422);
    expect(old.json().errors[0]).toMatchObject({ field: 'code', code: 'meeting.badCode' });
    const { code } = (await sec().get(`${url}/code`)).json();
    const scanned = await as(t.app, ownersRep.session).post(`${url}/check-in`, { code });
    expect(scanned.json().me).toMatchObject({ capacity: 'owners_committee' });
    expect(scanned.json().me.signedInAt).not.toBeNull();
    await sec().post(`${url}/sign-in`, { participantId: pid(people.residents_committee!.id) });
    const observer = (started.participants as { id: string; capacity: string }[]).find((p) => p.capacity === 'observer')!;
    const withQuorum = (await sec().post(`${url}/sign-in`, { participantId: observer.id })).json();
    expect(withQuorum.quorum).toEqual({ voting: 4, present: 3, required: 3, met: true });

    // Minutes per item, then a recorded show of hands.
    await sec().post(`${url}/minutes`, { meetingItemId: items[0]!.id, participantId: party, opinion: '加装电梯是民心工程，党组织全力协调' });
    await sec().post(`${url}/minutes`, { meetingItemId: items[0]!.id, speaker: '1楼住户代表', opinion: '担心采光和噪音' });
    const present = [party, pid(people.owners_committee!.id), pid(people.residents_committee!.id)];
    const short = await sec().post(`${url}/items/${items[0]!.id}/decision`, { method: 'show_of_hands', votes: present.slice(0, 2).map((p) => ({ participantId: p, choice: 'for' })) });
    expect(short.json().errors[0].field).toBe('votes');
    const withObserver = await sec().post(`${url}/items/${items[0]!.id}/decision`, {
      method: 'show_of_hands', votes: [...present, observer.id].map((p) => ({ participantId: p, choice: 'for' })),
    });
    expect(withObserver.statusCode).toBe(422);
    const hands = await sec().post(`${url}/items/${items[0]!.id}/decision`, {
      method: 'show_of_hands', votes: [{ participantId: present[0], choice: 'for' }, { participantId: present[1], choice: 'for' }, { participantId: present[2], choice: 'against' }],
    });
    expect(hands.json().items[0].decision).toMatchObject({ method: 'show_of_hands', for: 2, against: 1, abstain: 0, present: 3, outcome: 'adopted' });
    expect(hands.json().items[0].decision.votes).toHaveLength(3);

    // Secret ballot: more votes than people present is refused; two clerks at once, one wins.
    const tooMany = await sec().post(`${url}/items/${items[1]!.id}/decision`, { method: 'secret_ballot', for: 3, against: 1, abstain: 0 });
    expect(tooMany.json().errors[0].field).toBe('for');
    const [a, b] = await Promise.all([
      sec().post(`${url}/items/${items[1]!.id}/decision`, { method: 'secret_ballot', for: 1, against: 1, abstain: 1 }),
      as(t.app, worker.session).post(`${url}/items/${items[1]!.id}/decision`, { method: 'secret_ballot', for: 3, against: 0, abstain: 0 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = (a.statusCode === 200 ? a : b).json().items[1].decision;
    expect(winner.outcome).toBe(winner.for === 3 ? 'adopted' : 'rejected');

    const closed = await sec().post(`${url}/close`, { summary: '电梯加装进入方案公示' });
    expect(closed.json()).toMatchObject({ state: 'closed', summary: '电梯加装进入方案公示' });
    const states = await t.db.select({ id: agendaItem.id, state: agendaItem.state, meetingId: agendaItem.meetingId }).from(agendaItem);
    expect(states.find((s) => s.id === lift.id)).toMatchObject({ state: 'decided', meetingId: m.id });
    expect(states.find((s) => s.id === fees.id)).toMatchObject({ state: 'accepted', meetingId: null });
    expect(await t.db.select().from(notification).where(and(eq(notification.accountId, proposer.accountId), eq(notification.kind, 'meeting.closed')))).toHaveLength(1);
    expect((await as(t.app, proposer.session).get(`/api/agenda-items/${lift.id}`)).json().decision).toMatchObject({ outcome: 'adopted', for: 2 });

    // The printable minutes carry everything the page needs.
    const print = (await sec().get(`${url}/minutes`)).json();
    expect(print.meeting).toMatchObject({ title: '十一月四位一体联席会', state: 'closed', clerk: 'secretary-a' });
    expect(print.participants.filter((p: { signedInAt: string | null }) => p.signedInAt)).toHaveLength(4);
    expect(print.participants.find((p: { capacity: string }) => p.capacity === 'owners_committee').signInMethod).toBe('qr');
    expect(print.quorum).toMatchObject({ present: 3, required: 3, met: true });
    expect(print.items[0].minutes.map((e: { speaker: string }) => e.speaker)).toEqual(['王书记', '1楼住户代表']);
    expect(print.items[0].decision).toMatchObject({ for: 2, against: 1, outcome: 'adopted' });
    expect(print.items[2].decision).toBeNull();

    // Someone outside the meeting and its community sees none of it.
    const outsider = await accountFor(t, 'community_secretary', f.b.community, 'secretary-b');
    expect((await as(t.app, outsider.session).get(`${url}/minutes`)).statusCode).toBe(404);
    expect((await as(t.app, ownersRep.session).get(`${url}/minutes`)).statusCode).toBe(200);
  });
});

async function secretOf(id: string) {
  const [m] = await t.db.select({ s: meeting.checkinSecret }).from(meeting).where(eq(meeting.id, id));
  return m!.s;
}
