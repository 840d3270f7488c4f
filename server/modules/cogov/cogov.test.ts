import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { cogovStage, meeting } from '../../db/schema/deliberation.ts';
import { type Node, makeBody } from '../../demo/factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { makeMatter } from './fixtures.ts';

let t: TestContext;
let f: TwoStreets;
let worker: RoleAccount;
let workerB: RoleAccount;
let street: RoleAccount;
let streetB: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  worker = await accountFor(t, 'community_worker', f.a.community, 'worker-a');
  workerB = await accountFor(t, 'community_worker', f.b.community, 'worker-b');
  street = await accountFor(t, 'street_admin', f.a.street, 'street-a');
  streetB = await accountFor(t, 'street_admin', f.b.street, 'street-b');
});
afterAll(() => t.close());

async function makeMeeting(node: Node, kind: 'regional_joint_conference' | 'representative_assembly' | 'deliberation') {
  const [m] = await t.db.insert(meeting).values({ districtId: f.district.id, territoryId: node.id, path: node.path, kind, title: kind, startsAt: new Date('2026-01-10T02:00:00Z'), state: 'closed', checkinSecret: 's' }).returning();
  return m!;
}

describe('a co-governance matter through its three stages', () => {
  it('records propose, consult and review in order across three bodies, and shows where it stands', async () => {
    const committee = await makeBody(t.db, f.a.community, 'residents_committee', 'A居委会');
    const conference = await makeBody(t.db, f.a.street, 'party_working_committee', 'A街道党工委');
    const created = await as(t.app, worker.session).post('/api/cogov-matters', { title: '菜场周边停车整治', description: '早高峰乱停车严重', territoryId: f.a.community.id });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ state: 'proposed', next: 'propose', actions: ['record', 'drop'] });
    expect(created.json().stages.map((s: { stage: string; done: boolean }) => [s.stage, s.done])).toEqual([['propose', false], ['consult', false], ['review', false]]);

    const early = await as(t.app, worker.session).post(`/api/cogov-matters/${id}/stages`, { stage: 'consult', outcome: '同意', decidedOn: '2026-01-06' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('cogov.stageOutOfOrder');

    const proposed = await as(t.app, worker.session).post(`/api/cogov-matters/${id}/stages`, { stage: 'propose', outcome: '社区委员会提议提交联席会商议', decidedOn: '2026-01-05', bodyId: committee.id });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({ state: 'proposed', next: 'consult' });
    expect(proposed.json().stages[0]).toMatchObject({ stage: 'propose', done: true, body: { id: committee.id, name: 'A居委会' }, outcome: '社区委员会提议提交联席会商议', decidedOn: '2026-01-05', recordedBy: 'worker-a' });

    const twice = await as(t.app, worker.session).post(`/api/cogov-matters/${id}/stages`, { stage: 'propose', outcome: '再提一次', decidedOn: '2026-01-05' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('cogov.stageRecorded');
    const skip = await as(t.app, worker.session).post(`/api/cogov-matters/${id}/stages`, { stage: 'review', outcome: '通过', decidedOn: '2026-01-06' });
    expect(skip.json().code).toBe('cogov.stageOutOfOrder');

    // The consult stage belongs to the street's joint conference, and happens after the proposal.
    const wrongKind = await as(t.app, street.session).post(`/api/cogov-matters/${id}/stages`, { stage: 'consult', outcome: '同意', decidedOn: '2026-01-10', meetingId: (await makeMeeting(f.a.community, 'deliberation')).id });
    expect(wrongKind.json().errors[0]).toMatchObject({ field: 'meetingId', code: 'cogov.meetingKind' });
    const elsewhere = await as(t.app, street.session).post(`/api/cogov-matters/${id}/stages`, { stage: 'consult', outcome: '同意', decidedOn: '2026-01-10', meetingId: (await makeMeeting(f.b.street, 'regional_joint_conference')).id });
    expect(elsewhere.json().errors[0]).toMatchObject({ field: 'meetingId', code: 'cogov.badMeeting' });
    const before = await as(t.app, street.session).post(`/api/cogov-matters/${id}/stages`, { stage: 'consult', outcome: '同意', decidedOn: '2026-01-04' });
    expect(before.json().errors[0]).toMatchObject({ field: 'decidedOn', code: 'cogov.beforePrevious' });
    const future = await as(t.app, street.session).post(`/api/cogov-matters/${id}/stages`, { stage: 'consult', outcome: '同意', decidedOn: '2999-01-01' });
    expect(future.json().errors[0]).toMatchObject({ field: 'decidedOn', code: 'cogov.futureDate' });

    const conf = await makeMeeting(f.a.street, 'regional_joint_conference');
    const consulted = await as(t.app, street.session).post(`/api/cogov-matters/${id}/stages`, { stage: 'consult', outcome: '驻区单位开放夜间车位', decidedOn: '2026-01-10', bodyId: conference.id, meetingId: conf.id });
    expect(consulted.json()).toMatchObject({ state: 'consulted', next: 'review' });
    expect(consulted.json().stages[1]).toMatchObject({ done: true, meeting: { id: conf.id, kind: 'regional_joint_conference' }, body: { id: conference.id } });

    const assembly = await makeMeeting(f.a.community, 'representative_assembly');
    const reviewed = await as(t.app, worker.session).post(`/api/cogov-matters/${id}/stages`, { stage: 'review', outcome: '代表大会评议满意', decidedOn: '2026-01-20', meetingId: assembly.id, bodyId: committee.id });
    expect(reviewed.json()).toMatchObject({ state: 'reviewed', next: null, actions: [] });
    expect(reviewed.json().stages.every((s: { done: boolean }) => s.done)).toBe(true);
    expect((await as(t.app, worker.session).post(`/api/cogov-matters/${id}/drop`, { reason: 'x' })).json().code).toBe('cogov.closed');

    const audited = (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, id))).map((a) => a.action);
    expect(audited).toEqual(['cogov.create', 'cogov.propose', 'cogov.consult', 'cogov.review']);
  });

  it('records a stage once when the same stage arrives many times at once', async () => {
    const m = await makeMatter(t.db, f.a.community, { through: 'propose' });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      as(t.app, i % 2 ? worker.session : street.session).post(`/api/cogov-matters/${m.id}/stages`, { stage: 'consult', outcome: `商议意见${i}`, decidedOn: '2026-01-10' })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(new Set(results.filter((r) => r.statusCode !== 201).map((r) => `${r.statusCode} ${r.json().code}`))).toEqual(new Set(['409 cogov.stageRecorded']));
    expect(await t.db.select().from(cogovStage).where(eq(cogovStage.matterId, m.id))).toHaveLength(2);
  });
});

describe('who sees matters', () => {
  it('shows community staff their community\'s and street admins their street\'s, nothing of the other street', async () => {
    const a = await makeMatter(t.db, f.a.community, { through: 'consult' });
    const b = await makeMatter(t.db, f.b.community);
    const ids = async (who: RoleAccount) => (await as(t.app, who.session).get('/api/cogov-matters?pageSize=100')).json().items.map((m: { id: string }) => m.id);
    expect(await ids(worker)).toContain(a.id);
    expect(await ids(worker)).not.toContain(b.id);
    expect(await ids(street)).toContain(a.id);
    expect(await ids(streetB)).toEqual(expect.arrayContaining([b.id]));
    expect(await ids(streetB)).not.toContain(a.id);
    expect((await as(t.app, workerB.session).get(`/api/cogov-matters/${a.id}`)).statusCode).toBe(404);
    expect((await as(t.app, workerB.session).post(`/api/cogov-matters/${a.id}/stages`, { stage: 'review', outcome: 'x', decidedOn: '2026-01-20' })).statusCode).toBe(404);
    const page = (await as(t.app, street.session).get(`/api/cogov-matters/${a.id}`)).json();
    expect(page).toMatchObject({ state: 'consulted', next: 'review' });
    expect(page.stages.map((s: { done: boolean }) => s.done)).toEqual([true, true, false]);
  });
});
