import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { agendaItem } from '../../db/schema/deliberation.ts';
import { demandEvent, demandLink } from '../../db/schema/demands.ts';
import { notification } from '../../db/schema/notifications.ts';
import { makeBody, makePerson } from '../../demo/factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { makeDemand } from '../demands/fixtures.ts';
import { makeMeeting } from '../meetings/fixtures.ts';

let t: TestContext;
let f: TwoStreets;
let resident: RoleAccount;
let neighbour: RoleAccount;
let secretary: RoleAccount;
let secretaryB: RoleAccount;
let residentB: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  resident = await accountFor(t, 'resident', f.a.building, 'resident-a', f.a.person.id);
  const member = await makePerson(t.db, t.pii, f.a.building, { name: '周卫国', isPartyMember: true });
  neighbour = await accountFor(t, 'party_member', f.a.community, 'member-a', member.id);
  secretary = await accountFor(t, 'community_secretary', f.a.community, 'secretary-a');
  secretaryB = await accountFor(t, 'community_secretary', f.b.community, 'secretary-b');
  residentB = await accountFor(t, 'resident', f.b.building, 'resident-b', f.b.person.id);
});
afterAll(() => t.close());

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);
const propose = (who: RoleAccount, body: Record<string, unknown>) => as(t.app, who.session).post('/api/agenda-items', body);
const noticesOf = (accountId: string, kind: string) =>
  t.db.select().from(notification).where(and(eq(notification.accountId, accountId), eq(notification.kind, kind)));

describe('the agenda-control rule', () => {
  it("keeps a resident's item off every meeting until the community's party organisation accepts it", async () => {
    const posted = await propose(resident, { title: '3号楼加装电梯', description: '老人上下楼困难' });
    expect(posted.statusCode).toBe(201);
    const item = posted.json();
    expect(item).toMatchObject({ state: 'proposed', source: 'resident', community: { id: f.a.community.id }, mine: true, actions: ['withdraw'] });
    const meeting = await makeMeeting(t.db, f.a.community);

    const early = await as(t.app, secretary.session).post(`/api/meetings/${meeting.id}/items`, { agendaItemId: item.id });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('agenda.notAccepted');
    expect((await t.db.select().from(agendaItem).where(eq(agendaItem.id, item.id)))[0]).toMatchObject({ state: 'proposed', meetingId: null });

    // Another community's secretary cannot accept it, nor even see it.
    expect((await as(t.app, secretaryB.session).post(`/api/agenda-items/${item.id}/accept`)).statusCode).toBe(404);
    const accepted = await as(t.app, secretary.session).post(`/api/agenda-items/${item.id}/accept`);
    expect(accepted.json()).toMatchObject({ state: 'accepted', actions: ['schedule'] });
    expect(await noticesOf(resident.accountId, 'agenda.accepted')).toHaveLength(1);

    const scheduled = await as(t.app, secretary.session).post(`/api/meetings/${meeting.id}/items`, { agendaItemId: item.id });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json().items).toMatchObject([{ position: 1, agendaItem: { id: item.id, state: 'scheduled' } }]);
    const again = await as(t.app, secretary.session).post(`/api/meetings/${(await makeMeeting(t.db, f.a.community)).id}/items`, { agendaItemId: item.id });
    expect(again.json().code).toBe('agenda.notAccepted');
  });

  it('never schedules a returned, withdrawn or merged item', async () => {
    const meeting = await makeMeeting(t.db, f.a.community);
    for (const state of ['returned', 'withdrawn', 'merged', 'decided'] as const) {
      const [row] = await t.db.insert(agendaItem).values({
        districtId: f.district.id, territoryId: f.a.community.id, path: f.a.community.path, title: `议题-${state}`, source: 'resident', state,
      }).returning();
      const res = await as(t.app, secretary.session).post(`/api/meetings/${meeting.id}/items`, { agendaItemId: row!.id });
      expect(res.statusCode, state).toBe(409);
    }
  });
});

describe('proposing', () => {
  it('lets a resident propose only in their own community', async () => {
    const res = await propose(resident, { title: '小区停车难', territoryId: f.b.community.id });
    expect(res.statusCode).toBe(403);
    expect((await propose(residentB, { title: '河道保洁' })).json().community.id).toBe(f.b.community.id);
  });

  it('files a committee proposal under its body, and refuses a body of another community', async () => {
    const owners = await makeBody(t.db, f.a.community, 'owners_committee', '甲小区业委会');
    const res = await propose(secretary, { title: '维修资金使用方案', territoryId: f.a.community.id, proposerBodyId: owners.id });
    expect(res.json()).toMatchObject({ source: 'committee', proposer: { bodyId: owners.id, bodyName: '甲小区业委会' } });
    const party = await propose(secretary, { title: '红色物业建设', territoryId: f.a.community.id, proposerBodyId: f.a.branch.id });
    expect(party.json().source).toBe('party_org');
    const far = await propose(secretary, { title: '跨社区', territoryId: f.a.community.id, proposerBodyId: f.b.branch.id });
    expect(far.statusCode).toBe(422);
    expect(far.json().errors[0].field).toBe('proposerBodyId');
  });

  it('makes an item from a demand and keeps the link both ways', async () => {
    const d = await makeDemand(t, { at: f.a.building, districtId: f.district.id, reporterPersonId: f.a.person.id });
    const res = await propose(secretary, { demandId: d.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: 'demand', title: d.title, demand: { id: d.id, no: d.no }, community: { id: f.a.community.id } });
    const [link] = await t.db.select().from(demandLink).where(eq(demandLink.demandId, d.id));
    expect(link).toMatchObject({ targetType: 'agenda_item', targetId: res.json().id });
    expect(await t.db.select().from(demandEvent).where(and(eq(demandEvent.demandId, d.id), eq(demandEvent.action, 'link')))).toHaveLength(1);
    expect((await propose(secretaryB, { demandId: d.id })).statusCode).toBe(404);
    expect((await propose(resident, { demandId: d.id })).statusCode).toBe(403);
  });
});

describe('review', () => {
  it('returns an item with a reason the proposer reads, and audits it', async () => {
    const item = (await propose(resident, { title: '广场舞噪音' })).json();
    const res = await as(t.app, secretary.session).post(`/api/agenda-items/${item.id}/return`, { reason: '已转物业按诉求办理' });
    expect(res.json()).toMatchObject({ state: 'returned', reason: '已转物业按诉求办理' });
    const mine = await as(t.app, resident.session).get(`/api/agenda-items/${item.id}`);
    expect(mine.json()).toMatchObject({ state: 'returned', reason: '已转物业按诉求办理' });
    const [notice] = await noticesOf(resident.accountId, 'agenda.returned');
    expect(notice!.title).toContain('已转物业按诉求办理');
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'agenda.return'), eq(auditLog.targetId, item.id)))).toHaveLength(1);
    expect((await as(t.app, secretary.session).post(`/api/agenda-items/${item.id}/return`, { reason: '' })).statusCode).toBe(422);
  });

  it('merges a duplicate into another item of the same community', async () => {
    const first = (await propose(resident, { title: '非机动车充电桩' })).json();
    const dup = (await propose(resident, { title: '电瓶车充电' })).json();
    const other = (await propose(residentB, { title: '外社区议题' })).json();
    const wrong = await as(t.app, secretary.session).post(`/api/agenda-items/${dup.id}/merge`, { intoId: other.id });
    expect(wrong.statusCode).toBe(422);
    const res = await as(t.app, secretary.session).post(`/api/agenda-items/${dup.id}/merge`, { intoId: first.id });
    expect(res.json()).toMatchObject({ state: 'merged', mergedInto: { id: first.id, title: '非机动车充电桩' } });
    expect((await as(t.app, secretary.session).get(`/api/agenda-items/${first.id}`)).json().merged).toEqual([{ id: dup.id, title: '电瓶车充电' }]);
  });

  it('lets exactly one of two reviewers decide at once', async () => {
    const item = (await propose(resident, { title: '垃圾分类时间调整' })).json();
    const worker = await accountFor(t, 'community_worker', f.a.community, 'worker-a');
    const [a, b] = await Promise.all([
      as(t.app, secretary.session).post(`/api/agenda-items/${item.id}/accept`),
      as(t.app, worker.session).post(`/api/agenda-items/${item.id}/return`, { reason: '重复' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, item.id)))).toHaveLength(2);
  });

  it('lets the proposer withdraw only while waiting for review', async () => {
    const item = (await propose(resident, { title: '楼道灯不亮' })).json();
    expect((await as(t.app, neighbour.session).post(`/api/agenda-items/${item.id}/withdraw`)).statusCode).toBe(404);
    expect((await as(t.app, resident.session).post(`/api/agenda-items/${item.id}/withdraw`)).json().state).toBe('withdrawn');
    expect((await as(t.app, resident.session).post(`/api/agenda-items/${item.id}/withdraw`)).json().code).toBe('agenda.notProposed');
  });
});

describe('who sees what', () => {
  it("shows residents their own items and the accepted ones of their community, with others' names masked", async () => {
    const own = (await propose(resident, { title: '自己的议题' })).json();
    const theirs = (await propose(neighbour, { title: '党员的议题' })).json();
    const accepted = (await propose(neighbour, { title: '已采纳的议题' })).json();
    await as(t.app, secretary.session).post(`/api/agenda-items/${accepted.id}/accept`);
    const seen = ids(await as(t.app, resident.session).get('/api/agenda-items?pageSize=100'));
    expect(seen).toContain(own.id);
    expect(seen).toContain(accepted.id);
    expect(seen).not.toContain(theirs.id);
    const shown = (await as(t.app, resident.session).get(`/api/agenda-items/${accepted.id}`)).json();
    expect(shown.proposer.name).toMatch(/\*/);
    expect(JSON.stringify(shown)).not.toContain('周卫国');
    expect((await as(t.app, secretary.session).get(`/api/agenda-items/${accepted.id}`)).json().proposer.name).toBe('周卫国');
    expect((await as(t.app, resident.session).get(`/api/agenda-items/${theirs.id}`)).statusCode).toBe(404);
    expect(ids(await as(t.app, residentB.session).get('/api/agenda-items?pageSize=100'))).not.toContain(accepted.id);
    expect(ids(await as(t.app, secretary.session).get('/api/agenda-items?state=proposed&pageSize=100'))).toContain(theirs.id);
    expect(ids(await as(t.app, secretaryB.session).get('/api/agenda-items?pageSize=100'))).not.toContain(own.id);
  });
});
