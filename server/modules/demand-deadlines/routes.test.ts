import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNode } from '../../demo/factories.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { demand, demandCategory } from '../../db/schema/demands.ts';
import { notification } from '../../db/schema/notifications.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { addWorkingDays, dayOf } from '../demands/calendar.ts';
import { categoryOf, makeDemand } from '../demands/fixtures.ts';
import { ensureCalendar2026 } from './holidays.ts';

let t: TestContext;
let f: TwoStreets;
let worker: RoleAccount;
let grid: RoleAccount;
let resident: RoleAccount;
let streetA: RoleAccount;
let streetB: RoleAccount;
let workerB: RoleAccount;
let district: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  await ensureCalendar2026(t.db, f.district.id);
  worker = await accountFor(t, 'community_worker', f.a.community, 'worker-a');
  grid = await accountFor(t, 'grid_worker', f.a.grid, 'grid-a');
  resident = await accountFor(t, 'resident', f.a.building, 'resident-a', f.a.person.id);
  streetA = await accountFor(t, 'street_admin', f.a.street, 'street-a');
  streetB = await accountFor(t, 'street_admin', f.b.street, 'street-b');
  workerB = await accountFor(t, 'community_worker', f.b.community, 'worker-b');
  district = await accountFor(t, 'district_admin', f.district, 'district');
});
afterAll(() => t.close());

const call = (who: RoleAccount, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: who.session.cookie, 'x-csrf-token': who.session.csrf }, ...(payload === undefined ? {} : { payload: payload as object }) });
const fieldsOf = (res: { json: () => { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
const auditsOf = (targetId: string, action: string) => t.db.select().from(auditLog).where(and(eq(auditLog.targetId, targetId), eq(auditLog.action, action)));

describe('吹哨报到', () => {
  const reported = (set = {}) => makeDemand(t, { at: f.a.building, districtId: f.district.id, category: 'parking', reporterPersonId: f.a.person.id, set: { state: 'accepted', ...set } });

  it('lets the community hand a demand to the street and the street to the district, never further', async () => {
    const d = await reported();
    const before = Date.now();
    const res = await as(t.app, worker.session).post(`/api/demands/${d.id}/whistle`, { reason: '涉及多个小区的停车位规划，需要街道协调' });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ level: 'street', state: 'accepted' });
    const step = out.steps.find((s: { action: string }) => s.action === 'whistle');
    expect(step).toMatchObject({ note: '涉及多个小区的停车位规划，需要街道协调', actorName: worker.username, data: { fromLevel: 'community', toLevel: 'street' } });
    // The street gets the category's five working days from now.
    const fresh = await addWorkingDays(t.db, f.district.id, new Date(before), 5);
    expect(dayOf(new Date(out.dueAt))).toBe(dayOf(fresh));
    expect(out.escalatedAt).not.toBeNull();
    expect(await auditsOf(d.id, 'demand.whistle')).toHaveLength(1);

    const notices = await t.db.select().from(notification).where(eq(notification.kind, 'demand.whistled'));
    expect(notices.filter((n) => n.params?.demandId === d.id).map((n) => n.accountId)).toEqual([streetA.accountId]);
    const told = await t.db.select().from(notification).where(eq(notification.accountId, resident.accountId));
    expect(told.some((n) => n.kind === 'demand.escalated' && n.params?.demandId === d.id)).toBe(true);

    // The community no longer holds it: a second whistle from there is refused, and changes nothing.
    const again = await as(t.app, worker.session).post(`/api/demands/${d.id}/whistle`, { reason: '再次上报' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('demand.notYourLevel');

    const up = await as(t.app, streetA.session).post(`/api/demands/${d.id}/whistle`, { reason: '需要区建管委统筹' });
    expect(up.statusCode).toBe(200);
    expect(up.json().level).toBe('district');
    const top = await as(t.app, streetA.session).post(`/api/demands/${d.id}/whistle`, { reason: '再往上' });
    expect(top.statusCode).toBe(409);
    expect(top.json().code).toBe('demand.atTop');
    expect((await t.db.select().from(demand).where(eq(demand.id, d.id)))[0]!.level).toBe('district');
  });

  it('keeps the whistle to community staff and the street of the demand', async () => {
    const d = await reported();
    const whistle = (who: RoleAccount) => as(t.app, who.session).post(`/api/demands/${d.id}/whistle`, { reason: '需要协调' });
    expect((await whistle(resident)).statusCode).toBe(403);
    expect((await whistle(grid)).statusCode).toBe(403);
    expect((await whistle(district)).statusCode).toBe(403);
    expect((await whistle(streetB)).statusCode).toBe(404);
    expect((await whistle(workerB)).statusCode).toBe(404);
    // The street of the demand does not whistle on the community's behalf: the community holds it.
    expect((await whistle(streetA)).statusCode).toBe(409);
    expect((await t.db.select().from(demand).where(eq(demand.id, d.id)))[0]!.level).toBe('community');
  });

  it('needs a reason, and a demand still being worked', async () => {
    const d = await reported();
    const empty = await as(t.app, worker.session).post(`/api/demands/${d.id}/whistle`, { reason: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(fieldsOf(empty)).toEqual(['reason']);
    const closed = await reported({ state: 'closed' });
    const res = await as(t.app, worker.session).post(`/api/demands/${closed.id}/whistle`, { reason: '需要协调' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('demand.wrongState');
  });

  it('lets exactly one of two simultaneous whistles through', async () => {
    const d = await reported();
    const results = await Promise.all([worker, worker, worker].map((w) => as(t.app, w.session).post(`/api/demands/${d.id}/whistle`, { reason: '需要协调' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await auditsOf(d.id, 'demand.whistle')).toHaveLength(1);
  });
});

describe('categories', () => {
  const valid = { code: 'pet-nuisance', name: '宠物扰民', groupName: '公共秩序', keywords: '宠物，狗叫、遛狗', defaultHandler: 'residents_committee', deadlineDays: 3, remindDays: 1 };

  it('lets the district add one, audited, after the existing ones', async () => {
    await categoryOf(t, f.district.id);
    const res = await as(t.app, district.session).post('/api/demand-categories', valid);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ code: 'pet-nuisance', name: '宠物扰民', keywords: '宠物,狗叫,遛狗', deadlineDays: 3, remindDays: 1, retired: false });
    const others = await t.db.select().from(demandCategory).where(eq(demandCategory.districtId, f.district.id));
    expect(Math.max(...others.filter((o) => o.id !== c.id).map((o) => o.sortOrder))).toBeLessThan(c.sortOrder);
    expect(await auditsOf(c.id, 'demandCategory.create')).toHaveLength(1);

    const taken = await as(t.app, district.session).post('/api/demand-categories', valid);
    expect(taken.statusCode).toBe(409);
    expect(fieldsOf(taken)).toEqual(['code']);
  });

  it('names the field of a bad category', async () => {
    const post = (body: object) => as(t.app, district.session).post('/api/demand-categories', { ...valid, code: 'x-bad', ...body });
    expect(fieldsOf(await post({ code: 'Pet Nuisance' }))).toEqual(['code']);
    expect(fieldsOf(await post({ deadlineDays: 0 }))).toEqual(['deadlineDays']);
    expect(fieldsOf(await post({ deadlineDays: 1.5 }))).toEqual(['deadlineDays']);
    expect(fieldsOf(await post({ remindDays: -1 }))).toEqual(['remindDays']);
    expect(fieldsOf(await post({ defaultHandler: 'mayor' }))).toEqual(['defaultHandler']);
    expect(fieldsOf(await post({ name: '' }))).toEqual(['name']);
    const late = await post({ deadlineDays: 2, remindDays: 3 });
    expect(late.statusCode).toBe(422);
    expect(fieldsOf(late)).toEqual(['remindDays']);
    expect(late.json().errors[0].message).toContain('2');
  });

  it('changes anything but the code, and retires and restores', async () => {
    const c = await categoryOf(t, f.district.id, 'greenery');
    const patch = (body: object, who = district) => as(t.app, who.session).patch(`/api/demand-categories/${c.id}`, body);
    const renamed = await patch({ name: '绿化养护与修剪', deadlineDays: 4 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ code: 'greenery', name: '绿化养护与修剪', deadlineDays: 4 });

    const code = await patch({ code: 'trees' });
    expect(code.statusCode).toBe(422);
    expect(fieldsOf(code)).toEqual(['code']);
    expect(fieldsOf(await patch({ remindDays: 5 }))).toEqual(['remindDays']);

    expect((await patch({ retired: true })).json().retired).toBe(true);
    const listed = (await as(t.app, worker.session).get('/api/demand-categories')).json().items.map((x: { id: string }) => x.id);
    expect(listed).not.toContain(c.id);
    expect((await patch({ retired: false })).json().retired).toBe(false);
    expect((await auditsOf(c.id, 'demandCategory.retire'))).toHaveLength(1);
    expect((await auditsOf(c.id, 'demandCategory.update'))).toHaveLength(2);

    expect((await patch({ name: '绿化' }, streetA)).statusCode).toBe(403);
  });

  it('answers 404 for a category of another district', async () => {
    const other = await makeNode(t.db, null, 'district', '另一区');
    const c = await categoryOf(t, other.id, 'noise');
    expect((await as(t.app, district.session).patch(`/api/demand-categories/${c.id}`, { name: '噪声' })).statusCode).toBe(404);
    expect((await as(t.app, district.session).post('/api/demand-categories', { ...valid, code: 'other-district', districtId: other.id })).statusCode).toBe(404);
  });
});

describe('the working calendar', () => {
  it('holds the 2026 holidays and exchanged workdays for everyone in the district to read', async () => {
    const res = await call(resident, 'GET', '/api/work-calendar?year=2026');
    expect(res.statusCode).toBe(200);
    const items: { day: string; kind: string; name: string }[] = res.json().items;
    expect(items.filter((d) => d.kind === 'workday').map((d) => d.day)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(items.find((d) => d.day === '2026-10-01')).toEqual({ day: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect((await call(resident, 'GET', '/api/work-calendar?year=2025')).json().items).toEqual([]);
  });

  it('lets the district set and clear a day, audited, and deadlines count with it', async () => {
    const wednesday = new Date('2027-03-09T02:00:00Z'); // Tuesday 9 March 2027, 10:00 in Shanghai
    expect(dayOf(await addWorkingDays(t.db, f.district.id, wednesday, 1))).toBe('2027-03-10');
    const put = await call(district, 'PUT', '/api/work-calendar/2027-03-10', { kind: 'holiday', name: '防汛停工' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ day: '2027-03-10', kind: 'holiday', name: '防汛停工' });
    expect(dayOf(await addWorkingDays(t.db, f.district.id, wednesday, 1))).toBe('2027-03-11');
    expect((await call(worker, 'GET', '/api/work-calendar?year=2027')).json().items).toEqual([{ day: '2027-03-10', kind: 'holiday', name: '防汛停工' }]);

    expect((await call(district, 'PUT', '/api/work-calendar/2027-03-10', { kind: 'holiday', name: '防汛' })).json().name).toBe('防汛');
    expect((await call(district, 'DELETE', '/api/work-calendar/2027-03-10')).statusCode).toBe(204);
    expect((await call(district, 'DELETE', '/api/work-calendar/2027-03-10')).statusCode).toBe(204);
    expect(dayOf(await addWorkingDays(t.db, f.district.id, wednesday, 1))).toBe('2027-03-10');
    expect(await auditsOf('2027-03-10', 'workCalendar.set')).toHaveLength(2);
    expect(await auditsOf('2027-03-10', 'workCalendar.clear')).toHaveLength(1);
  });

  it('names the field of a bad day', async () => {
    const bad = await call(district, 'PUT', '/api/work-calendar/2027-02-30', { kind: 'holiday' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['day']);
    expect(fieldsOf(await call(district, 'PUT', '/api/work-calendar/20270301', { kind: 'holiday' }))).toEqual(['day']);
    const weekday = await call(district, 'PUT', '/api/work-calendar/2027-03-03', { kind: 'workday' });
    expect(weekday.statusCode).toBe(422);
    expect(fieldsOf(weekday)).toEqual(['kind']);
    expect(fieldsOf(await call(district, 'PUT', '/api/work-calendar/2027-03-06', { kind: 'rest' }))).toEqual(['kind']);
    expect((await call(district, 'PUT', '/api/work-calendar/2027-03-06', { kind: 'workday', name: '调休上班' })).statusCode).toBe(200);
  });

  it('keeps changing it to the district', async () => {
    expect((await call(streetA, 'PUT', '/api/work-calendar/2027-04-01', { kind: 'holiday' })).statusCode).toBe(403);
    expect((await call(worker, 'DELETE', '/api/work-calendar/2026-10-01')).statusCode).toBe(403);
    const other = await makeNode(t.db, null, 'district', '又一区');
    expect((await call(district, 'PUT', `/api/work-calendar/2027-04-01?districtId=${other.id}`, { kind: 'holiday' })).statusCode).toBe(404);
  });
});
