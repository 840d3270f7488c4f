import { TransactionRollbackError, and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account } from '../db/schema/accounts.ts';
import { demand, demandEvent, hotTopic } from '../db/schema/demands.ts';
import { territory } from '../db/schema/territory.ts';
import { detectHotTopics } from '../modules/hot-topics/detect.ts';
import { type TestContext, as, createTestContext, login } from '../test/harness.ts';
import { loadDemandsDemo } from './demands-demo.ts';
import { DEMO_PASSWORD, loadDemo } from './load-demo.ts';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
  await loadDemo(t);
}, 180_000);
afterAll(() => t.close());

describe('the demo district\'s demands', () => {
  it('holds some 150 demands of the last ten weeks in the five communities, in every state', async () => {
    const rows = await t.db.select({ state: demand.state, communityId: demand.communityId, createdAt: demand.createdAt }).from(demand);
    expect(rows.length).toBeGreaterThanOrEqual(130);
    expect(rows.length).toBeLessThanOrEqual(170);
    expect(new Set(rows.map((r) => r.communityId)).size).toBe(5);
    expect([...new Set(rows.map((r) => r.state))].sort()).toEqual(['accepted', 'assigned', 'closed', 'in_progress', 'merged', 'rejected', 'resolved', 'submitted']);
    const now = Date.now();
    expect(rows.every((r) => r.createdAt.getTime() <= now && r.createdAt.getTime() > now - 72 * 86_400_000)).toBe(true);
  });

  it('has overdue open demands, ratings, and a history whose steps follow each other in time', async () => {
    const overdue = await t.db.select().from(demand).where(and(sql`${demand.state} in ('accepted','assigned','in_progress')`, lt(demand.dueAt, new Date())));
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    const rated = await t.db.select({ rating: demand.rating }).from(demand).where(isNotNull(demand.rating));
    // Final ratings vary with the hour the demo loads; the reopened noise complaint is always there.
    expect([...new Set(rated.map((r) => r.rating))]).toEqual(expect.arrayContaining(['satisfied', 'basically_satisfied']));
    const steps = await t.db.select().from(demandEvent).orderBy(demandEvent.demandId, demandEvent.at, demandEvent.id);
    expect(steps.some((s) => s.action === 'rate' && s.data?.rating === 'unsatisfied' && s.toState === 'in_progress')).toBe(true);
    const byDemand = new Map<string, typeof steps>();
    for (const s of steps) byDemand.set(s.demandId, [...(byDemand.get(s.demandId) ?? []), s]);
    const demands = await t.db.select().from(demand);
    for (const d of demands) {
      const history = byDemand.get(d.id)!;
      expect(history[0]!.action).toBe('submit');
      expect(history[0]!.at.getTime()).toBe(d.createdAt.getTime());
      // Links to agenda items and mediation cases come later and leave the state as it was.
      expect(history.filter((s) => s.toState).at(-1)!.toState).toBe(d.state);
      expect(history.at(-1)!.at.getTime()).toBeLessThanOrEqual(Date.now());
    }
    const resolvedOnes = demands.filter((d) => d.state === 'closed' && d.resolvedAt);
    expect(resolvedOnes.filter((d) => d.onTime).length).toBeGreaterThan(resolvedOnes.filter((d) => d.onTime === false).length);
  });

  it('lets the hot-topic detector find 电梯 in 龙潭社区: 12 in the last 7 days against 1.5 a week', async () => {
    await detectHotTopics(t.db);
    const [longtan] = await t.db.select().from(territory).where(eq(territory.code, '310117001001'));
    const topics = await t.db.select().from(hotTopic).where(eq(hotTopic.territoryId, longtan!.id));
    expect(topics.map((h) => h.term)).toEqual(['电梯']);
    expect(topics[0]!.count).toBe(12);
    expect(topics[0]!.baseline).toBe(1.5);
  });

  it('gives demo-resident demands of their own, one resolved and waiting for their rating', async () => {
    const [resident] = await t.db.select().from(account).where(eq(account.username, 'demo-resident'));
    const mine = await t.db.select().from(demand).where(eq(demand.reporterPersonId, resident!.personId!));
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine.filter((d) => d.state === 'resolved' && d.rating === null)).toHaveLength(1);
    expect(new Set(mine.map((d) => d.state)).size).toBeGreaterThanOrEqual(4);
  });

  it('gives the street figures per community and 龙潭社区 a public list without its residents\' names', async () => {
    const street = as(t.app, await login(t.app, 'demo-street', DEMO_PASSWORD));
    const stats = (await street.get('/api/demand-stats')).json();
    const longtan = stats.byNode.find((n: { name: string }) => n.name === '龙潭社区居委会');
    expect(longtan.total).toBeGreaterThanOrEqual(40);
    expect(longtan.onTimeRate).toBeGreaterThan(0.5);
    expect(stats.trend.filter((w: { total: number }) => w.total > 0).length).toBeGreaterThanOrEqual(9);
    const [resident] = await t.db.select({ personId: account.personId, name: account.displayName }).from(account).where(eq(account.username, 'demo-resident'));
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/demands?communityId=${longtan.id}` });
    expect(pub.json().total).toBeGreaterThan(20);
    expect(pub.body).not.toContain(resident!.name);
  });

  it('tells the same stories whatever the day and hour it loads: every state, overdue ones, all three ratings', async () => {
    const before = new Set((await t.db.select({ id: demand.id }).from(demand)).map((r) => r.id));
    // A Monday small hours, a Wednesday afternoon, a Sunday evening (Shanghai time).
    for (const at of ['2026-11-23T01:00:00+08:00', '2026-11-25T13:00:00+08:00', '2026-11-29T19:00:00+08:00']) {
      const now = new Date(at);
      let rows: { state: string; dueAt: Date | null; rating: string | null }[] = [];
      // Loaded in a transaction that is rolled back: the district keeps the demo of today.
      await t.db.transaction(async (tx) => {
        await loadDemandsDemo(tx as unknown as typeof t.db, t.pii, now);
        rows = (await tx.select({ id: demand.id, state: demand.state, dueAt: demand.dueAt, rating: demand.rating }).from(demand)).filter((r) => !before.has(r.id));
        tx.rollback();
      }).catch((e: unknown) => { if (!(e instanceof TransactionRollbackError)) throw e; });
      expect(rows.length, at).toBeGreaterThanOrEqual(130);
      expect.soft(new Set(rows.map((r) => r.state)), at).toEqual(new Set(['accepted', 'assigned', 'closed', 'in_progress', 'merged', 'rejected', 'resolved', 'submitted']));
      expect.soft(rows.filter((r) => ['accepted', 'assigned', 'in_progress'].includes(r.state) && r.dueAt! < now).length, at).toBeGreaterThanOrEqual(3);
      expect.soft(new Set(rows.map((r) => r.rating).filter(Boolean)), at).toEqual(new Set(['satisfied', 'basically_satisfied', 'unsatisfied']));
    }
  });

  it('has a community worker and a deputy for 龙潭社区 who can log in', async () => {
    for (const u of ['demo-worker', 'demo-deputy']) await expect(login(t.app, u, DEMO_PASSWORD)).resolves.toBeDefined();
  });
});
