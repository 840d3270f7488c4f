import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { demand, demandEvent } from '../../db/schema/demands.ts';
import { notification, outbox } from '../../db/schema/notifications.ts';
import { makeBody } from '../../demo/factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { TINY_PNG, photoUpload } from '../../test/members.ts';
import { categoryOf, makeDemand } from './fixtures.ts';

let t: TestContext;
let f: TwoStreets;
let resident: RoleAccount;
let residentB: RoleAccount;
let worker: RoleAccount;
let workerB: RoleAccount;
let grid: RoleAccount;
let gridB: RoleAccount;
let street: RoleAccount;
let categoryId: string;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  categoryId = (await categoryOf(t, f.district.id, 'elevator')).id;
  resident = await accountFor(t, 'resident', f.a.building, 'resident-a', f.a.person.id);
  residentB = await accountFor(t, 'resident', f.b.building, 'resident-b', f.b.person.id);
  worker = await accountFor(t, 'community_worker', f.a.community, 'worker-a');
  workerB = await accountFor(t, 'community_worker', f.b.community, 'worker-b');
  grid = await accountFor(t, 'grid_worker', f.a.grid, 'grid-a');
  gridB = await accountFor(t, 'grid_worker', f.b.grid, 'grid-b');
  street = await accountFor(t, 'street_admin', f.a.street, 'street-a');
});
afterAll(() => t.close());

const report = (who: RoleAccount, body: Record<string, unknown> = {}) =>
  as(t.app, who.session).post('/api/demands', { categoryId, description: '3号电梯停运两天了，老人上下楼很困难', ...body });
const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((d) => d.id);

describe('intake', () => {
  it('takes a resident\'s demand at their home, through the portal, with their contact shown only to them in clear', async () => {
    const res = await report(resident, { contactName: '王小明', contactPhone: '138 1234 5678' });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      state: 'submitted', level: 'community', channel: 'portal', mine: true,
      place: { id: f.a.building.id }, community: { id: f.a.community.id }, grid: { id: f.a.grid.id },
      category: { code: 'elevator' }, contact: { name: '王小明', phone: '13812345678' }, actions: ['photo'],
    });
    expect(d.no).toMatch(/^SQ\d{8}\d{5}$/);
    expect(d.steps.map((s: { action: string }) => s.action)).toEqual(['submit']);
    const seen = await as(t.app, worker.session).get(`/api/demands/${d.id}`);
    expect(seen.json().contact).toEqual({ name: '王*明', phone: '138****5678' });
    expect(seen.json().actions).toEqual(expect.arrayContaining(['accept', 'reject', 'merge', 'note']));
    expect(seen.body).not.toContain('13812345678');
  });

  it('keeps a resident to their own community and checks the phone', async () => {
    expect((await report(resident, { territoryId: f.b.building.id })).statusCode).toBe(404);
    const bad = await report(resident, { contactPhone: '12345' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('contactPhone');
    expect((await report(resident, { reporterPersonId: f.b.person.id })).json().errors[0].field).toBe('reporterPersonId');
  });

  it('lets a grid worker log one for a resident of their grid on a visit, and not elsewhere', async () => {
    const res = await report(grid, { reporterPersonId: f.a.person.id, channel: 'phone' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'grid_visit', place: { id: f.a.building.id }, mine: true });
    expect((await report(grid, { territoryId: f.b.building.id })).statusCode).toBe(404);
    expect((await report(grid, { reporterPersonId: f.b.person.id })).json().errors[0].field).toBe('reporterPersonId');
    expect((await report(worker)).json().errors[0]).toMatchObject({ field: 'territoryId', code: 'demand.placeRequired' });
    const byPhone = await report(worker, { territoryId: f.a.grid.id, contactPhone: '13900001111' });
    expect(byPhone.json()).toMatchObject({ channel: 'phone', contact: { phone: '13900001111' } });
    expect((await report(worker, { territoryId: f.a.grid.id, channel: 'open311' })).json().errors[0].field).toBe('channel');
  });

  it('tells the community\'s workers and the grid\'s worker of a new demand', async () => {
    const d = (await report(resident)).json();
    for (const who of [worker, grid]) {
      const list = (await as(t.app, who.session).get('/api/notifications')).json();
      expect(list.items.some((n: { params: { demandId: string } }) => n.params.demandId === d.id)).toBe(true);
    }
    const other = (await as(t.app, workerB.session).get('/api/notifications')).json();
    expect(other.items.some((n: { params: { demandId: string } }) => n.params.demandId === d.id)).toBe(false);
  });
});

describe('who sees what', () => {
  it('shows a resident only their own demands, and answers 404 for another\'s', async () => {
    const mine = (await report(resident)).json().id;
    const theirs = (await report(residentB)).json().id;
    const list = await as(t.app, resident.session).get('/api/demands?pageSize=100');
    expect(ids(list)).toContain(mine);
    expect(ids(list)).not.toContain(theirs);
    expect(list.json().items.every((d: { mine: boolean }) => d.mine)).toBe(true);
    expect((await as(t.app, resident.session).get(`/api/demands/${theirs}`)).statusCode).toBe(404);
    const other = await makeDemand(t, { at: f.a.building, districtId: f.district.id });
    expect((await as(t.app, resident.session).get(`/api/demands/${other.id}`)).statusCode).toBe(404);
    expect(ids(await as(t.app, resident.session).get('/api/demands?pageSize=100'))).not.toContain(other.id);
  });

  it('shows a deputy the demands they logged at a reception day, and no others', async () => {
    const deputy = await accountFor(t, 'deputy', f.a.community, 'deputy-a');
    const logged = await report(deputy, { reporterPersonId: f.a.person.id, contactName: '李阿姨', contactPhone: '13700002222' });
    expect(logged.json()).toMatchObject({ channel: 'deputy_reception', mine: true, actions: ['photo'] });
    const other = await makeDemand(t, { at: f.a.building, districtId: f.district.id });
    expect(ids(await as(t.app, deputy.session).get('/api/demands?pageSize=100'))).toEqual([logged.json().id]);
    expect((await as(t.app, deputy.session).get(`/api/demands/${other.id}`)).statusCode).toBe(404);
    expect(ids(await as(t.app, resident.session).get('/api/demands?mine=true&pageSize=100'))).toContain(logged.json().id);
  });

  it('lists the district\'s categories in their order', async () => {
    const res = await as(t.app, resident.session).get('/api/demand-categories');
    expect(res.json().items[0]).toMatchObject({ code: 'elevator', name: '电梯故障', deadlineDays: 2, retired: false });
    expect(res.json().items).toHaveLength(12);
  });

  it('keeps staff to their territory: a grid worker of another grid gets 404', async () => {
    const d = await makeDemand(t, { at: f.a.building, districtId: f.district.id });
    expect((await as(t.app, gridB.session).get(`/api/demands/${d.id}`)).statusCode).toBe(404);
    expect((await as(t.app, gridB.session).post(`/api/demands/${d.id}/accept`)).statusCode).toBe(404);
    expect(ids(await as(t.app, gridB.session).get('/api/demands?pageSize=100'))).not.toContain(d.id);
    expect(ids(await as(t.app, street.session).get('/api/demands?pageSize=100'))).toContain(d.id);
    expect((await as(t.app, workerB.session).get(`/api/demands/${d.id}`)).statusCode).toBe(404);
  });

  it('filters and pages, with the total of the whole list', async () => {
    const parking = await categoryOf(t, f.district.id, 'parking');
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await makeDemand(t, { at: f.b.grid, districtId: f.district.id, category: 'parking', description: `第${i}个停车位被占` }));
    const page = await as(t.app, workerB.session).get(`/api/demands?categoryId=${parking.id}&pageSize=2&page=1`);
    expect(page.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.json().items).toHaveLength(2);
    const second = await as(t.app, workerB.session).get(`/api/demands?categoryId=${parking.id}&pageSize=2&page=2`);
    expect(second.json().items).toHaveLength(1);
    expect(new Set([...ids(page), ...ids(second)])).toEqual(new Set(made.map((d) => d.id)));
    await t.db.update(demand).set({ state: 'accepted', dueAt: new Date(Date.now() - 3_600_000) }).where(eq(demand.id, made[0]!.id));
    const overdue = await as(t.app, workerB.session).get('/api/demands?overdue=true');
    expect(ids(overdue)).toEqual([made[0]!.id]);
    expect(overdue.json().items[0].overdue).toBe(true);
    expect(ids(await as(t.app, workerB.session).get(`/api/demands?state=submitted&territoryId=${f.b.grid.id}&categoryId=${parking.id}`)).sort())
      .toEqual([made[1]!.id, made[2]!.id].sort());
    const several = await as(t.app, workerB.session).get(`/api/demands?state=accepted,submitted&categoryId=${parking.id}`);
    expect(ids(several).sort()).toEqual(made.map((d) => d.id).sort());
    const bad = await as(t.app, workerB.session).get('/api/demands?state=accepted,lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('state');
  });

  it('finds demands by a Chinese word of their text', async () => {
    const lift = await makeDemand(t, { at: f.b.building, districtId: f.district.id, description: '电梯经常困人，物业不管' });
    const noise = await makeDemand(t, { at: f.b.building, districtId: f.district.id, description: '楼上装修噪音很大' });
    const found = ids(await as(t.app, workerB.session).get(`/api/demands?q=${encodeURIComponent('电梯')}`));
    expect(found).toContain(lift.id);
    expect(found).not.toContain(noise.id);
    expect(ids(await as(t.app, workerB.session).get(`/api/demands?q=${encodeURIComponent('装修噪音')}`))).toEqual([noise.id]);
  });

  it('finds a demand by its number, whole or its beginning, in any case', async () => {
    const d = await makeDemand(t, { at: f.b.building, districtId: f.district.id, description: '路灯不亮' });
    expect(ids(await as(t.app, workerB.session).get(`/api/demands?q=${d.no}`))).toEqual([d.id]);
    expect(ids(await as(t.app, workerB.session).get(`/api/demands?q=${d.no.slice(0, 12).toLowerCase()}`))).toContain(d.id);
    expect(ids(await as(t.app, worker.session).get(`/api/demands?q=${d.no}`))).toEqual([]);
  });
});

describe('handling', () => {
  it('runs the whole lifecycle, recording, auditing and telling the resident at each step', async () => {
    const company = await makeBody(t.db, f.a.community, 'property_company', '甲物业公司');
    const d = (await report(resident, { contactPhone: '13812345678' })).json();
    const w = as(t.app, worker.session);
    const accepted = await w.post(`/api/demands/${d.id}/accept`, { note: '已联系物业' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted', actions: expect.arrayContaining(['assign', 'start', 'resolve']) });
    expect(new Date(accepted.json().dueAt).getTime()).toBeGreaterThan(Date.now());

    const handlers = (await w.get(`/api/demands/${d.id}/handlers`)).json().items;
    expect(handlers.map((b: { id: string }) => b.id)).toContain(company.id);
    expect(handlers.every((b: { kind: string }) => b.kind !== 'line_department')).toBe(true);
    const assigned = await w.post(`/api/demands/${d.id}/assign`, { bodyId: company.id });
    expect(assigned.json()).toMatchObject({ state: 'assigned', handler: { kind: 'property_company', bodyId: company.id, bodyName: '甲物业公司' } });
    expect((await w.post(`/api/demands/${d.id}/assign`, { bodyId: f.b.group.id })).json().errors[0].field).toBe('bodyId');
    expect((await w.post(`/api/demands/${d.id}/start`)).json().state).toBe('in_progress');
    await w.post(`/api/demands/${d.id}/notes`, { note: '物业说配件周三到' });
    const resolved = await w.post(`/api/demands/${d.id}/resolve`, { note: '已更换电梯控制板，恢复运行' });
    expect(resolved.json()).toMatchObject({ state: 'resolved' });

    const own = await as(t.app, resident.session).get(`/api/demands/${d.id}`);
    expect(own.json()).toMatchObject({ state: 'resolved', actions: ['rate'] });
    const steps = own.json().steps.map((s: { action: string }) => s.action);
    expect(steps).toEqual(['submit', 'accept', 'assign', 'start', 'resolve']);
    expect(own.body).not.toContain('配件周三到');
    expect(own.json().steps.find((s: { action: string }) => s.action === 'resolve')).toMatchObject({ note: '已更换电梯控制板，恢复运行', actorName: expect.any(String) });
    const staffSteps = (await w.get(`/api/demands/${d.id}`)).json().steps.map((s: { action: string }) => s.action);
    expect(staffSteps).toContain('note');

    const closed = await as(t.app, resident.session).post(`/api/demands/${d.id}/rate`, { rating: 'satisfied', comment: '很快' });
    expect(closed.json()).toMatchObject({ state: 'closed', rating: 'satisfied', ratingComment: '很快', actions: [] });
    const [row] = await t.db.select().from(demand).where(eq(demand.id, d.id));
    expect(row!.onTime).toBe(true);

    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, d.id));
    expect(audits.map((a) => a.action)).toEqual(['demand.create', 'demand.accept', 'demand.assign', 'demand.start', 'demand.note', 'demand.resolve', 'demand.rate']);
    const notices = (await as(t.app, resident.session).get('/api/notifications?limit=200')).json().items
      .filter((n: { params: { demandId: string } }) => n.params.demandId === d.id).map((n: { kind: string }) => n.kind);
    expect(notices.sort()).toEqual(['demand.accepted', 'demand.assigned', 'demand.resolved', 'demand.started'].sort());
    const sms = await t.db.select().from(outbox).where(eq(outbox.channel, 'sms'));
    const mine = sms.filter((m) => (m.params as { demandId: string }).demandId === d.id);
    expect(mine.map((m) => m.template).sort()).toEqual(['demand.accepted', 'demand.resolved']);
    expect(t.pii.decrypt(mine[0]!.recipientEnc)).toBe('13812345678');
  });

  it('shows the resident the reason a demand was turned down', async () => {
    const d = (await report(resident)).json();
    const res = await as(t.app, worker.session).post(`/api/demands/${d.id}/reject`, { reason: '属于私人住宅内部维修，请联系物业' });
    expect(res.json().state).toBe('rejected');
    const own = (await as(t.app, resident.session).get(`/api/demands/${d.id}`)).json();
    expect(own).toMatchObject({ state: 'rejected', rejectReason: '属于私人住宅内部维修，请联系物业' });
    expect(own.steps.at(-1)).toMatchObject({ action: 'reject', note: '属于私人住宅内部维修，请联系物业', toState: 'rejected' });
    expect((await as(t.app, worker.session).post(`/api/demands/${d.id}/accept`)).json()).toMatchObject({ code: 'demand.wrongState' });
  });

  it('lets one of ten simultaneous accepts win; the others get 409', async () => {
    const d = await makeDemand(t, { at: f.a.building, districtId: f.district.id });
    const results = await Promise.all(Array.from({ length: 10 }, () => as(t.app, worker.session).post(`/api/demands/${d.id}/accept`)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, ...Array(9).fill(409)]);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'demand.wrongState')).toBe(true);
    const steps = await t.db.select().from(demandEvent).where(and(eq(demandEvent.demandId, d.id), eq(demandEvent.action, 'accept')));
    expect(steps).toHaveLength(1);
  });

  it('reopens once on an unsatisfied rating, then closes on the second', async () => {
    const d = await makeDemand(t, { at: f.a.building, districtId: f.district.id, reporterPersonId: f.a.person.id, set: { state: 'resolved', acceptedAt: new Date(), resolvedAt: new Date() } });
    const r = as(t.app, resident.session);
    const reopened = await r.post(`/api/demands/${d.id}/rate`, { rating: 'unsatisfied', comment: '还是坏的' });
    expect(reopened.json()).toMatchObject({ state: 'in_progress', reopenCount: 1, rating: null });
    expect(new Date(reopened.json().dueAt).getTime()).toBeGreaterThan(Date.now());
    expect(reopened.json().steps.at(-1)).toMatchObject({ action: 'reopen', fromState: 'resolved', toState: 'in_progress' });
    const told = (await as(t.app, worker.session).get('/api/notifications?limit=200')).json().items;
    expect(told.some((n: { kind: string; params: { demandId: string } }) => n.kind === 'demand.reopened' && n.params.demandId === d.id)).toBe(true);
    expect((await r.post(`/api/demands/${d.id}/rate`, { rating: 'satisfied' })).statusCode).toBe(409);
    await as(t.app, worker.session).post(`/api/demands/${d.id}/resolve`, { note: '再次维修' });
    const closed = await r.post(`/api/demands/${d.id}/rate`, { rating: 'unsatisfied', comment: '仍不满意' });
    expect(closed.json()).toMatchObject({ state: 'closed', rating: 'unsatisfied', reopenCount: 1 });
  });

  it('lets only the reporter rate', async () => {
    const d = await makeDemand(t, { at: f.a.building, districtId: f.district.id, reporterPersonId: f.b.person.id, set: { state: 'resolved', resolvedAt: new Date() } });
    expect((await as(t.app, resident.session).post(`/api/demands/${d.id}/rate`, { rating: 'satisfied' })).statusCode).toBe(404);
  });

  it('closes an unrated demand only after the rating wait', async () => {
    const fresh = await makeDemand(t, { at: f.a.building, districtId: f.district.id, set: { state: 'resolved', resolvedAt: new Date() } });
    expect((await as(t.app, worker.session).post(`/api/demands/${fresh.id}/close`)).json().code).toBe('demand.ratingPending');
    const old = await makeDemand(t, { at: f.a.building, districtId: f.district.id, set: { state: 'resolved', resolvedAt: new Date(Date.now() - 8 * 86_400_000) } });
    const res = await as(t.app, worker.session).post(`/api/demands/${old.id}/close`, { note: '7天未评价' });
    expect(res.json()).toMatchObject({ state: 'closed', rating: null });
  });

  it('merges one way when two demands are merged into each other at once', async () => {
    const x = await makeDemand(t, { at: f.a.building, districtId: f.district.id });
    const y = await makeDemand(t, { at: f.a.building, districtId: f.district.id });
    const w = as(t.app, worker.session);
    const [a, b] = await Promise.all([w.post(`/api/demands/${x.id}/merge`, { intoId: y.id }), w.post(`/api/demands/${y.id}/merge`, { intoId: x.id })]);
    // One wins; the other finds its demand merged (409) or its target gone (422) — never a deadlock's 500.
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0]).toBe(200);
    expect([409, 422]).toContain(codes[1]);
    const states = (await t.db.select({ state: demand.state }).from(demand).where(inArray(demand.id, [x.id, y.id]))).map((r) => r.state).sort();
    expect(states).toEqual(['merged', 'submitted']);
  });

  it('merges a duplicate into an open demand of the same community, keeping its links', async () => {
    const main = await makeDemand(t, { at: f.a.building, districtId: f.district.id });
    const dup = await makeDemand(t, { at: f.a.grid, districtId: f.district.id, reporterPersonId: f.a.person.id });
    const elsewhere = await makeDemand(t, { at: f.b.building, districtId: f.district.id });
    const w = as(t.app, street.session);
    await w.post(`/api/demands/${dup.id}/links`, { targetType: 'project', targetId: 'P-2026-01' });
    expect((await w.post(`/api/demands/${dup.id}/merge`, { intoId: elsewhere.id })).statusCode).toBe(422);
    expect((await w.post(`/api/demands/${dup.id}/merge`, { intoId: dup.id })).statusCode).toBe(422);
    const merged = await w.post(`/api/demands/${dup.id}/merge`, { intoId: main.id, note: '同一部电梯' });
    expect(merged.json()).toMatchObject({ state: 'merged', mergedInto: { id: main.id, no: main.no } });
    expect(merged.json().links).toHaveLength(1);
    const target = (await w.get(`/api/demands/${main.id}`)).json();
    expect(target.duplicates).toEqual([{ id: dup.id, no: dup.no, title: dup.title }]);
    expect(target.links).toMatchObject([{ targetType: 'project', targetId: 'P-2026-01' }]);
    expect((await w.post(`/api/demands/${dup.id}/merge`, { intoId: main.id })).statusCode).toBe(409);
  });

  it('keeps grid workers to their grid and off line departments; the street may assign one with its answer days', async () => {
    const line = await makeBody(t.db, f.a.street, 'line_department', '街道城建中心');
    const { body } = await import('../../db/schema/bodies.ts');
    await t.db.update(body).set({ answerDays: 5 }).where(eq(body.id, line.id));
    const d = await makeDemand(t, { at: f.a.building, districtId: f.district.id, set: { state: 'accepted', level: 'street', acceptedAt: new Date() } });
    expect((await as(t.app, grid.session).post(`/api/demands/${d.id}/resolve`, { note: '已处理' })).statusCode).toBe(403);
    const handlers = (await as(t.app, street.session).get(`/api/demands/${d.id}/handlers`)).json().items;
    expect(handlers.map((b: { id: string }) => b.id)).toContain(line.id);
    const assigned = await as(t.app, street.session).post(`/api/demands/${d.id}/assign`, { bodyId: line.id });
    expect(assigned.json()).toMatchObject({ state: 'assigned', handler: { kind: 'line_department', bodyId: line.id } });
    const due = new Date(assigned.json().dueAt).getTime();
    expect(due).toBeGreaterThan(Date.now() + 5 * 86_400_000);

    const simple = await makeDemand(t, { at: f.a.building, districtId: f.district.id });
    const g = as(t.app, grid.session);
    expect((await g.post(`/api/demands/${simple.id}/accept`)).statusCode).toBe(200);
    expect((await g.get(`/api/demands/${simple.id}/handlers`)).json().items.every((b: { kind: string }) => b.kind !== 'line_department')).toBe(true);
    expect((await g.post(`/api/demands/${simple.id}/assign`, { bodyId: line.id })).statusCode).toBe(422);
    expect((await g.post(`/api/demands/${simple.id}/resolve`, { note: '已修好楼道灯' })).json().state).toBe('resolved');
  });
});

describe('photos', () => {
  const upload = (who: RoleAccount, id: string, bytes = TINY_PNG) => {
    const { payload, headers } = photoUpload(bytes);
    return t.app.inject({ method: 'POST', url: `/api/demands/${id}/photos`, payload, headers: { ...headers, cookie: who.session.cookie, 'x-csrf-token': who.session.csrf } });
  };

  it('takes the reporter\'s images before acceptance, checked by their bytes and size, at most nine', async () => {
    const d = (await report(resident)).json();
    const first = await upload(resident, d.id);
    expect(first.statusCode).toBe(200);
    expect(first.json().photos).toMatchObject([{ stage: 'report', url: expect.stringMatching(new RegExp(`^/api/demands/${d.id}/photos/`)) }]);
    const image = await as(t.app, worker.session).get(first.json().photos[0].url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(TINY_PNG)).toBe(true);
    expect((await as(t.app, residentB.session).get(first.json().photos[0].url)).statusCode).toBe(404);

    expect((await upload(resident, d.id, Buffer.from('not an image at all, just text'))).statusCode).toBe(415);
    const huge = Buffer.concat([TINY_PNG, Buffer.alloc(5 * 1024 * 1024 + 10)]);
    expect((await upload(resident, d.id, huge)).statusCode).toBe(413);
    for (let i = 1; i < 9; i++) expect((await upload(resident, d.id)).statusCode).toBe(200);
    const tenth = await upload(resident, d.id);
    expect(tenth.statusCode).toBe(422);
    expect(tenth.json().errors[0]).toMatchObject({ field: 'photo', code: 'demand.tooManyPhotos' });
    const full = (await as(t.app, resident.session).get(`/api/demands/${d.id}`)).json();
    expect(full.photos).toHaveLength(9);
    expect(full.actions).not.toContain('photo');
  });

  it('closes photos to the reporter once accepted; the handler adds photos of the work', async () => {
    const d = (await report(resident)).json();
    await as(t.app, worker.session).post(`/api/demands/${d.id}/accept`);
    const late = await upload(resident, d.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('demand.photosClosed');
    const work = await upload(worker, d.id);
    expect(work.json().photos).toMatchObject([{ stage: 'resolve' }]);
    expect((await upload(residentB, d.id)).statusCode).toBe(404);
  });
});

describe('notifications', () => {
  it('lists the caller\'s own, marks one read and all read', async () => {
    await report(resident);
    const w = as(t.app, worker.session);
    const before = (await w.get('/api/notifications')).json();
    expect(before.unread).toBeGreaterThan(0);
    const first = before.items[0];
    expect((await as(t.app, workerB.session).post(`/api/notifications/${first.id}/read`)).statusCode).toBe(404);
    expect((await w.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(204);
    const after = (await w.get('/api/notifications')).json();
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((n: { id: number }) => n.id === first.id).readAt).not.toBeNull();
    expect((await w.get('/api/notifications?unread=true')).json().items.some((n: { id: number }) => n.id === first.id)).toBe(false);
    expect((await w.post('/api/notifications/read-all')).statusCode).toBe(204);
    expect((await w.get('/api/notifications')).json().unread).toBe(0);
    const rows = await t.db.select().from(notification).where(eq(notification.accountId, workerB.accountId));
    expect(rows.length).toBeGreaterThan(0);
  });
});
