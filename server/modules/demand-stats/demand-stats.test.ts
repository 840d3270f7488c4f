import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demand, demandCategory } from '../../db/schema/demands.ts';
import { type Node, makeNode, makePerson } from '../../demo/factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { type NewDemand, createDemand } from '../demands/actions/create-demand.ts';
import { ensureDefaultCategories } from '../demands/default-categories.ts';
import { recordStep } from '../demands/events.ts';
import { anonymise } from './anonymise.ts';

const HOUR = 3_600_000;
let t: TestContext;
let f: TwoStreets;
let a2: Node;
let street: RoleAccount;
let worker: RoleAccount;
const cat: Record<string, string> = {};

/** Shanghai wall time → instant. */
const sh = (local: string) => new Date(`${local}:00+08:00`);

async function make(place: Node, code: string, created: string, cols: Partial<typeof demand.$inferInsert> = {}, extra: Partial<NewDemand> = {}) {
  const d = await createDemand(t.db, t.pii, { system: 'test' }, { territoryId: place.id, categoryId: cat[code]!, channel: 'phone', description: `${code} ${created}`, createdAt: sh(created), ...extra });
  if (Object.keys(cols).length) await t.db.update(demand).set(cols).where(eq(demand.id, d.id));
  return d;
}
const done = (created: string, hours: number, onTime: boolean, state: 'resolved' | 'closed', rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null = null) =>
  ({ state, onTime, resolvedAt: new Date(sh(created).getTime() + hours * HOUR), closedAt: state === 'closed' ? new Date(sh(created).getTime() + (hours + 10) * HOUR) : null, rating });

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  await ensureDefaultCategories(t.db, f.district.id);
  for (const c of await t.db.select().from(demandCategory)) cat[c.code] = c.id;
  a2 = await makeNode(t.db, f.a.street, 'neighborhood', 'A二居民区', 'T-A-C2');
  street = await accountFor(t, 'street_admin', f.a.street, 'street-a');
  worker = await accountFor(t, 'community_worker', f.a.community, 'worker-a');

  const b = f.a.building;
  await make(b, 'elevator', '2026-03-02 09:00', done('2026-03-02 09:00', 12, true, 'closed', 'satisfied'));
  await make(b, 'elevator', '2026-03-03 09:00', done('2026-03-03 09:00', 36, false, 'closed', 'unsatisfied'));
  await make(b, 'noise', '2026-03-04 09:00', { state: 'in_progress', dueAt: sh('2026-03-06 23:59') });
  await make(b, 'noise', '2026-03-10 09:00', done('2026-03-10 09:00', 24, true, 'resolved'));
  await make(b, 'garbage', '2026-03-11 09:00', { state: 'rejected', rejectReason: '不属于本社区' });
  await make(b, 'garbage', '2026-03-12 09:00', { state: 'merged' });
  await make(a2, 'elevator', '2026-03-09 10:00');
  await make(a2, 'parking', '2026-03-09 11:00', done('2026-03-09 11:00', 48, true, 'closed', 'basically_satisfied'));
  await make(b, 'elevator', '2026-02-20 09:00', done('2026-02-20 09:00', 5, true, 'closed', 'satisfied'));
  await make(f.b.building, 'elevator', '2026-03-05 09:00', { state: 'in_progress', dueAt: sh('2026-03-06 23:59') });
});
afterAll(() => t.close());

const stats = (who: RoleAccount, q: string) => as(t.app, who.session).get(`/api/demand-stats?${q}`);
const figures = (o: Record<string, unknown>) => ({
  total: o.total, open: o.open, closed: o.closed, overdueOpen: o.overdueOpen, onTimeRate: o.onTimeRate, satisfactionRate: o.satisfactionRate, medianCloseHours: o.medianCloseHours,
});

describe('demand statistics', () => {
  it('counts a street per community, per category and per week over the period, in its own territory only', async () => {
    const res = await stats(street, `territoryId=${f.a.street.id}&from=2026-03-01&to=2026-03-15`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(figures(s.total)).toEqual({ total: 7, open: 2, closed: 4, overdueOpen: 1, onTimeRate: 0.75, satisfactionRate: 0.6667, medianCloseHours: 30 });
    expect(s.byNode.map((n: { name: string }) => n.name)).toEqual(['A居民区', 'A二居民区']);
    expect(figures(s.byNode[0])).toEqual({ total: 5, open: 1, closed: 3, overdueOpen: 1, onTimeRate: 0.6667, satisfactionRate: 0.5, medianCloseHours: 24 });
    expect(figures(s.byNode[1])).toEqual({ total: 2, open: 1, closed: 1, overdueOpen: 0, onTimeRate: 1, satisfactionRate: 1, medianCloseHours: 48 });
    const byCode = Object.fromEntries(s.byCategory.map((c: { code: string }) => [c.code, figures(c)]));
    expect(byCode.elevator).toEqual({ total: 3, open: 1, closed: 2, overdueOpen: 0, onTimeRate: 0.5, satisfactionRate: 0.5, medianCloseHours: 24 });
    expect(byCode.noise).toEqual({ total: 2, open: 1, closed: 1, overdueOpen: 1, onTimeRate: 1, satisfactionRate: null, medianCloseHours: 24 });
    expect(byCode.garbage).toEqual({ total: 1, open: 0, closed: 0, overdueOpen: 0, onTimeRate: null, satisfactionRate: null, medianCloseHours: null });
    expect(byCode.safety).toEqual({ total: 0, open: 0, closed: 0, overdueOpen: 0, onTimeRate: null, satisfactionRate: null, medianCloseHours: null });
    expect(s.trend).toEqual([
      { week: '2026-02-23', total: 0, closed: 0, onTime: 0 },
      { week: '2026-03-02', total: 3, closed: 2, onTime: 1 },
      { week: '2026-03-09', total: 4, closed: 2, onTime: 2 },
    ]);
  });

  it('lists a community\'s grids for its worker, and answers 404 for a node above or beside the worker\'s own', async () => {
    const own = (await stats(worker, `territoryId=${f.a.community.id}&from=2026-03-01&to=2026-03-15`)).json();
    expect(own.byNode.map((n: { id: string; total: number }) => [n.id, n.total])).toEqual([[f.a.grid.id, 5]]);
    expect((await stats(worker, `territoryId=${f.a.street.id}`)).statusCode).toBe(404);
    expect((await stats(worker, `territoryId=${f.b.community.id}`)).statusCode).toBe(404);
    const mine = (await stats(worker, 'from=2026-03-01&to=2026-03-15')).json();
    expect(mine.territory.id).toBe(f.a.community.id);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await stats(street, `territoryId=${f.a.street.id}&from=2026-03-15&to=2026-03-01`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('from');
  });
});

describe('the public list of a community (公示)', () => {
  it('shows what was asked and done without names, phone numbers, rooms or addresses, to anyone', async () => {
    const reporter = await makePerson(t.db, t.pii, f.a.building, { name: '王建国' });
    await makePerson(t.db, t.pii, f.a.building, { name: '赵丽' });
    const d = await make(f.a.building, 'elevator', '2026-03-13 09:00', done('2026-03-13 09:00', 6, true, 'closed', 'satisfied'), {
      description: '我是3号楼502室的王建国，电话13912345678，电梯又坏了', title: '王建国反映3号楼502室电梯故障 13912345678',
      contactName: '李秀英', contactPhone: '13800001111', room: '502', address: '龙潭路88号', reporterPersonId: reporter.id,
    });
    await recordStep(t.db, d.id, { system: 'test' }, { action: 'resolve', from: 'in_progress', to: 'resolved', note: '已联系王建国先生、邻居赵丽和李秀英阿姨（13800001111），龙潭路88号3号楼电梯已修复。' });
    const res = await t.app.inject({ method: 'GET', url: `/api/public/demands?communityId=${f.a.community.id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.community).toEqual({ id: f.a.community.id, name: 'A居民区' });
    for (const secret of ['王建国', '赵丽', '13912345678', '李秀英', '13800001111', '502', '王先生', '李阿姨']) expect(res.body).not.toContain(secret);
    const item = body.items.find((i: { no: string }) => i.no === d.no);
    // Where it happened stays readable: the road, the building.
    expect(item).toMatchObject({ category: '电梯故障', state: 'closed', title: '＊＊反映3号楼＊室电梯故障 ＊＊＊' });
    expect(item.result).toContain('龙潭路88号3号楼电梯已修复');
    expect(Object.keys(item).sort()).toEqual(['category', 'closedAt', 'createdAt', 'no', 'result', 'state', 'title']);
  });

  it('lists only demands taken up: not those waiting, refused or merged, nor other communities\'', async () => {
    const body = (await t.app.inject({ method: 'GET', url: `/api/public/demands?communityId=${f.a.community.id}` })).json();
    expect(body.items.map((i: { state: string }) => i.state).sort()).toEqual(['closed', 'closed', 'closed', 'closed', 'in_progress', 'resolved']);
    expect(body.total).toBe(6);
    const unresolved = body.items.find((i: { state: string }) => i.state === 'in_progress');
    expect(unresolved.result).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: `/api/public/demands?communityId=${f.a.street.id}` })).statusCode).toBe(404);
  });
});

describe('anonymising a text', () => {
  it.each([
    ['张三家的电梯坏了', { names: ['张三'] }, '＊＊家的电梯坏了'],
    ['电话 139-1234-5678 或 021 5771 2345', {}, '电话 ＊＊＊ 或 ＊＊＊'],
    ['+86 138 1234 5678，１３８１２３４５６７８', {}, '＊＊＊，＊＊＊'],
    ['身份证 31011719800101123X', {}, '身份证 ＊＊＊'],
    ['3号楼502室漏水', {}, '3号楼＊室漏水'],
    ['12-301 的住户，5－1202 也是', {}, '＊＊ 的住户，＊＊ 也是'],
    ['3号楼2单元1202、88弄12号302、B座1203室、三零二室', {}, '3号楼2单元＊、88弄12号＊、B座＊室、＊室'],
    ['住302的老人，门牌3020', { rooms: ['302'] }, '住＊的老人，门牌3020'],
    ['请王师傅和刘阿姨来一下', {}, '请＊师傅和＊阿姨来一下'],
    ['联系 zhang@example.com', {}, '联系 ＊＊＊'],
  ])('blanks %s', (text, secrets, out) => {
    expect(anonymise(text, secrets)).toBe(out);
  });

  it.each([
    '龙潭苑3号楼电梯坏了',
    '龙潭路88弄12号门口，１２号楼',
    '3号楼2单元楼道灯不亮，5楼',
    '2026-03-15 前修好，3月15日上午9:30，2026/3/16 复查',
    '2025-2026年度共1200户，3-5个工作日',
    '3号楼120户用水，修了2次，花费35000元',
    '已并入 SQ2026031500012',
    '路灯不亮',
  ])('keeps %s', (text) => {
    expect(anonymise(text, {})).toBe(text);
  });
});
