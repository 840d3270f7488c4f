import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { agendaItem, meeting, meetingItem, resolution } from '../../db/schema/deliberation.ts';
import type { Node } from '../../demo/factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { carryOverOverdue } from './carry-over.ts';
import { makeResolution } from './fixtures.ts';

let t: TestContext;
let f: TwoStreets;
let worker: RoleAccount;
const hours = (h: number) => new Date(Date.now() + h * 3_600_000);

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  worker = await accountFor(t, 'community_worker', f.a.community, 'worker-a');
});
afterAll(() => t.close());

async function makeMeeting(node: Node, kind: 'review' | 'deliberation', startsAt: Date, state: 'draft' | 'noticed' | 'closed' = 'draft') {
  const [m] = await t.db.insert(meeting).values({ districtId: f.district.id, territoryId: node.id, path: node.path, kind, title: `${kind} ${startsAt.toISOString()}`, startsAt, state, checkinSecret: 's' }).returning();
  return m!;
}

const carriedFor = (id: string) => t.db.select().from(agendaItem).where(and(eq(agendaItem.resolutionId, id), eq(agendaItem.source, 'carried_over')));

describe('overdue resolutions come back on the agenda', () => {
  it('puts a lapsed resolution on the next review meeting exactly once, even with two timers at once', async () => {
    const c = f.a.community;
    await makeMeeting(c, 'review', hours(-48), 'closed');
    await makeMeeting(c, 'deliberation', hours(24));
    const later = await makeMeeting(c, 'review', hours(24 * 14), 'noticed');
    const next = await makeMeeting(c, 'review', hours(24 * 7));
    const existing = await makeResolution(t.db, c, { state: 'published' });
    const [ai] = await t.db.insert(agendaItem).values({ districtId: f.district.id, territoryId: c.id, path: c.path, title: '已排议题', source: 'party_org', state: 'scheduled', meetingId: next.id }).returning();
    await t.db.insert(meetingItem).values({ meetingId: next.id, agendaItemId: ai!.id, position: 1 });

    const lapsed = await makeResolution(t.db, c, { state: 'in_progress', dueOn: '2024-03-01', title: '修缮小区围墙' });
    const notYet = await makeResolution(t.db, c, { state: 'in_progress', dueOn: '2999-01-01' });
    const draft = await makeResolution(t.db, c, { state: 'draft', dueOn: '2024-03-01' });

    const [first, second] = await Promise.all([carryOverOverdue(t.db), carryOverOverdue(t.db)]);
    expect(first + second).toBe(1);
    expect(await carryOverOverdue(t.db)).toBe(0);

    const items = await carriedFor(lapsed.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ source: 'carried_over', state: 'scheduled', meetingId: next.id, territoryId: c.id, title: '逾期决议：修缮小区围墙' });
    const agenda = await t.db.select().from(meetingItem).where(eq(meetingItem.meetingId, next.id));
    expect(agenda.map((i) => [i.agendaItemId, i.position])).toEqual(expect.arrayContaining([[ai!.id, 1], [items[0]!.id, 2]]));
    expect(await t.db.select().from(meetingItem).where(eq(meetingItem.meetingId, later.id))).toHaveLength(0);
    for (const r of [existing, notYet, draft]) expect(await carriedFor(r.id)).toHaveLength(0);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'resolution.carryOver'), eq(auditLog.targetId, lapsed.id)))).toHaveLength(1);

    const shown = (await as(t.app, worker.session).get(`/api/resolutions/${lapsed.id}`)).json();
    expect(shown).toMatchObject({ overdue: true, carriedOver: [{ agendaItemId: items[0]!.id, meetingId: next.id }] });
    expect(shown.carriedOverAt).not.toBeNull();
  });

  it('leaves it accepted when no review meeting is coming, and carries it again after a new deadline lapses', async () => {
    const c = f.b.community;
    await makeMeeting(c, 'review', hours(-2), 'draft');
    const r = await makeResolution(t.db, c, { state: 'published', dueOn: '2024-05-01' });
    await carryOverOverdue(t.db);
    expect(await carriedFor(r.id)).toMatchObject([{ state: 'accepted', meetingId: null }]);

    const workerB = await accountFor(t, 'community_worker', c, 'worker-b');
    expect((await as(t.app, workerB.session).patch(`/api/resolutions/${r.id}`, { dueOn: '2024-06-01' })).json().carriedOverAt).toBeNull();
    await carryOverOverdue(t.db);
    await carryOverOverdue(t.db);
    expect(await carriedFor(r.id)).toHaveLength(2);
    const [row] = await t.db.select().from(resolution).where(eq(resolution.id, r.id));
    expect(row!.carriedOverAt).not.toBeNull();
  });
});
