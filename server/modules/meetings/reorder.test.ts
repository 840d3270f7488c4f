import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { makeAgendaItem, makeMeeting, makeMeetingItem, makeParticipant } from './fixtures.ts';

let t: TestContext;
let f: TwoStreets;
let secretary: RoleAccount;
let secretaryB: RoleAccount;
let resident: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  secretary = await accountFor(t, 'community_secretary', f.a.community, 'secretary-a');
  secretaryB = await accountFor(t, 'community_secretary', f.b.community, 'secretary-b');
  resident = await accountFor(t, 'resident', f.a.building, 'resident-a', f.a.person.id);
});
afterAll(() => t.close());

const sec = () => as(t.app, secretary.session);
/** PUT the agenda's order as this account. */
const order = (who: RoleAccount, meetingId: string, meetingItemIds: (string | undefined)[]) =>
  t.app.inject({ method: 'PUT', url: `/api/meetings/${meetingId}/items/order`, headers: { cookie: who.session.cookie, 'x-csrf-token': who.session.csrf }, payload: { meetingItemIds } });

/** A meeting of community A with three items on its agenda, in order 一, 二, 三. */
async function meetingWithThree(state: 'draft' | 'noticed' | 'in_progress' | 'closed' | 'cancelled' = 'draft') {
  const m = await makeMeeting(t.db, f.a.community, { state, quorum: 3 });
  const items = [];
  for (const [i, title] of ['议题一', '议题二', '议题三'].entries()) {
    const a = await makeAgendaItem(t.db, f.a.community, { state: 'scheduled', meetingId: m.id, title });
    items.push(await makeMeetingItem(t.db, m.id, a, i + 1));
  }
  return { m, ids: items.map((i) => i.id) };
}

const titles = (d: { items: { position: number; agendaItem: { title: string } }[] }) => d.items.map((i) => `${i.position}${i.agendaItem.title}`);

describe('reordering a meeting\'s agenda', () => {
  it('puts the items in the order given, keeps it on a retry and writes the change to the audit log once', async () => {
    const { m, ids } = await meetingWithThree('noticed');
    const wanted = [ids[2], ids[0], ids[1]];
    const res = await order(secretary, m.id, wanted);
    expect(res.statusCode).toBe(200);
    expect(titles(res.json())).toEqual(['1议题三', '2议题一', '3议题二']);
    expect(res.json().actions).toContain('reorder');

    const again = await order(secretary, m.id, wanted);
    expect(titles(again.json())).toEqual(['1议题三', '2议题一', '3议题二']);
    expect(titles((await sec().get(`/api/meetings/${m.id}`)).json())).toEqual(['1议题三', '2议题一', '3议题二']);

    const logged = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'meeting.reorder'), eq(auditLog.targetId, m.id)));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ before: { order: ids }, after: { order: wanted } });
  });

  it('still reorders while the meeting is in progress, but not once it is closed or cancelled', async () => {
    const live = await meetingWithThree('in_progress');
    expect((await order(secretary, live.m.id, [...live.ids].reverse())).statusCode).toBe(200);
    for (const state of ['closed', 'cancelled'] as const) {
      const { m, ids } = await meetingWithThree(state);
      const res = await order(secretary, m.id, [...ids].reverse());
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'meeting.badState' });
      expect((await sec().get(`/api/meetings/${m.id}`)).json().actions).not.toContain('reorder');
    }
  });

  it('refuses an order that leaves out, repeats or adds an item, naming the field, and changes nothing', async () => {
    const { m, ids } = await meetingWithThree();
    const other = await meetingWithThree();
    for (const bad of [[ids[1], ids[0]], [ids[0], ids[0], ids[1]], [ids[0], ids[1], other.ids[2]], [...ids, other.ids[0]]]) {
      const res = await order(secretary, m.id, bad);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ errors: [{ field: 'meetingItemIds', code: 'meeting.orderMismatch' }] });
    }
    expect(titles((await sec().get(`/api/meetings/${m.id}`)).json())).toEqual(['1议题一', '2议题二', '3议题三']);
  });

  it('is for the party organisation of the meeting\'s community only: a resident sitting in it is refused, another community\'s secretary does not find it', async () => {
    const { m, ids } = await meetingWithThree();
    await makeParticipant(t.db, m.id, { personId: f.a.person.id, name: '居民代表' });
    expect((await order(resident, m.id, [...ids].reverse())).statusCode).toBe(403);
    expect((await order(secretaryB, m.id, [...ids].reverse())).statusCode).toBe(404);
    expect(titles((await sec().get(`/api/meetings/${m.id}`)).json())).toEqual(['1议题一', '2议题二', '3议题三']);
  });
});

describe('the quorum on the meeting', () => {
  it('answers the stored setting beside the computed quorum, and null when none was set', async () => {
    const { m } = await meetingWithThree();
    for (let i = 0; i < 4; i++) await makeParticipant(t.db, m.id, { name: `代表${i}`, signedInAt: i < 2 ? new Date() : null });
    expect((await sec().get(`/api/meetings/${m.id}`)).json()).toMatchObject({ quorumSetting: 3, quorum: { voting: 4, present: 2, required: 3, met: false } });
    const plain = await makeMeeting(t.db, f.a.community);
    await makeParticipant(t.db, plain.id, { name: '代表' });
    expect((await sec().get(`/api/meetings/${plain.id}`)).json()).toMatchObject({ quorumSetting: null, quorum: { voting: 1, required: 1 } });
  });
});
