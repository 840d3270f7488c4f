import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { demandCategory, hotTopic } from '../../db/schema/demands.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { ensureDefaultCategories } from '../demands/default-categories.ts';
import { createDemand } from '../demands/actions/create-demand.ts';
import { detectHotTopics } from './detect.ts';
import { makeHotTopic } from './test-data.ts';

let t: TestContext;
let f: TwoStreets;
let secretary: RoleAccount;
let streetAdmin: RoleAccount;
let workerB: RoleAccount;
let gridWorker: RoleAccount;
let liftId: string;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  secretary = await accountFor(t, 'community_secretary', f.a.community, 'sec-a');
  streetAdmin = await accountFor(t, 'street_admin', f.a.street, 'street-a');
  workerB = await accountFor(t, 'community_worker', f.b.community, 'worker-b');
  gridWorker = await accountFor(t, 'grid_worker', f.a.grid, 'grid-a');
  await ensureDefaultCategories(t.db, f.district.id);
  const [elevator] = await t.db.select().from(demandCategory).where(and(eq(demandCategory.districtId, f.district.id), eq(demandCategory.code, 'elevator')));
  // Six residents call about the lift of one building within a day.
  for (let i = 0; i < 6; i++) {
    await t.db.transaction((tx) => createDemand(tx, t.pii, { system: '12345' }, {
      territoryId: f.a.building.id, categoryId: elevator!.id, channel: 'hotline_12345', description: `${i + 1}号电梯停了，老人下不了楼`,
      contactName: '张三丰', contactPhone: '13912345678',
    }));
  }
  await detectHotTopics(t.db, new Date(Date.now() + 60_000));
  const [w] = await t.db.select().from(hotTopic).where(and(eq(hotTopic.territoryId, f.a.community.id), eq(hotTopic.term, '电梯')));
  liftId = w!.id;
});
afterAll(() => t.close());

describe('hot-topic warnings through the API', () => {
  it('lists the warnings of the caller\'s community and street, and nothing of the other street', async () => {
    const bWarning = await makeHotTopic(t.db, f.b.community, { term: '噪音' });
    const mine = await as(t.app, secretary.session).get('/api/hot-topics');
    expect(mine.statusCode).toBe(200);
    const lift = mine.json().items.find((w: { id: string }) => w.id === liftId);
    expect(lift).toMatchObject({
      territory: { id: f.a.community.id, name: 'A居民区' }, term: '电梯', windowDays: 7, count: 6, baseline: 0, state: 'open', demandCount: 6,
      text: 'A居民区：电梯 7天6件，平时每周0件',
    });
    expect(mine.json().items.map((w: { id: string }) => w.id)).not.toContain(bWarning.id);
    const street = (await as(t.app, streetAdmin.session).get('/api/hot-topics')).json().items;
    // The street sees its community's warning and its own, for every word the six calls share.
    const lifts = street.filter((w: { term: string }) => w.term === '电梯');
    expect(lifts.map((w: { territory: { id: string } }) => w.territory.id).sort()).toEqual([f.a.community.id, f.a.street.id].sort());
    expect(street.every((w: { territory: { id: string } }) => [f.a.community.id, f.a.street.id].includes(w.territory.id))).toBe(true);
    const only = (await as(t.app, streetAdmin.session).get(`/api/hot-topics?territoryId=${f.a.community.id}&state=open`)).json().items;
    expect(only.map((w: { id: string }) => w.id)).toContain(liftId);
    expect(only.every((w: { territory: { id: string } }) => w.territory.id === f.a.community.id)).toBe(true);
    expect((await as(t.app, workerB.session).get(`/api/hot-topics/${liftId}`)).statusCode).toBe(404);
    expect((await as(t.app, gridWorker.session).get('/api/hot-topics')).statusCode).toBe(403);
  });

  it('shows a warning with its demands, the contacts masked', async () => {
    const res = await as(t.app, secretary.session).get(`/api/hot-topics/${liftId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.demands).toHaveLength(6);
    expect(body.demands.every((d: { category: { code: string }; community: { id: string } }) => d.category.code === 'elevator' && d.community.id === f.a.community.id)).toBe(true);
    expect(JSON.stringify(body)).not.toContain('张三丰');
    expect(JSON.stringify(body)).not.toContain('13912345678');
  });

  it('acknowledges once, audited; a second time changes nothing; a closed one answers 409', async () => {
    const first = await as(t.app, secretary.session).post(`/api/hot-topics/${liftId}/acknowledge`);
    expect(first.statusCode).toBe(200);
    expect(first.json().state).toBe('acknowledged');
    const again = await as(t.app, streetAdmin.session).post(`/api/hot-topics/${liftId}/acknowledge`);
    expect(again.json().state).toBe('acknowledged');
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'hotTopic.acknowledge'), eq(auditLog.targetId, liftId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.accountId).toBe(secretary.accountId);
    const [row] = await t.db.select().from(hotTopic).where(eq(hotTopic.id, liftId));
    expect(row!.acknowledgedBy).toBe(secretary.accountId);

    const closed = await makeHotTopic(t.db, f.a.community, { term: '漏水' });
    await t.db.update(hotTopic).set({ state: 'closed' }).where(eq(hotTopic.id, closed.id));
    const refused = await as(t.app, secretary.session).post(`/api/hot-topics/${closed.id}/acknowledge`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('hotTopic.closed');
  });
});
