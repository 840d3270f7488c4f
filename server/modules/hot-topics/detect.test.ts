import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hotTopic } from '../../db/schema/demands.ts';
import { notification } from '../../db/schema/notifications.ts';
import { type Node, makeAccount, makeNode } from '../../demo/factories.ts';
import { seeded } from '../../demo/random.ts';
import { TEST_PASSWORD, type TestContext, createTestContext } from '../../test/harness.ts';
import { detectHotTopics } from './detect.ts';
import { daysBefore, insertDemands, spread } from './test-data.ts';

/** Everyday words of demands; none of them is 电梯 or 停车位, the words planted as spikes. */
const NOISE = ['故障', '绿化', '修剪', '路灯', '垃圾', '噪音', '漏水', '不足', '缺失', '纠纷', '消防', '通道', '堵塞', '充电', '高空',
  '脱落', '快递', '健身', '器材', '损坏', '宠物', '污染', '下水道', '门禁', '违章', '搭建', '共享', '单车', '供暖', '泄漏', '老人', '物业', '水管', '施工'];

const NOW = new Date('2026-11-29T02:00:00Z');

interface District {
  district: Node;
  streets: { street: Node; communities: Node[] }[];
}

async function makeDistrict(t: TestContext, streets: number, perStreet: number): Promise<District> {
  const district = await makeNode(t.db, null, 'district', '测试区');
  const out: District = { district, streets: [] };
  for (let s = 0; s < streets; s++) {
    const street = await makeNode(t.db, district, 'subdistrict', `${'甲乙丙丁'[s]}街道`);
    const communities: Node[] = [];
    for (let c = 0; c < perStreet; c++) communities.push(await makeNode(t.db, street, 'neighborhood', `${'甲乙丙丁'[s]}${c + 1}居民区`));
    out.streets.push({ street, communities });
  }
  return out;
}

/** Poisson(λ) by Knuth's method, from the seeded generator. */
function poisson(r: ReturnType<typeof seeded>, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = r.next(); p > limit; p *= r.next()) k++;
  return k;
}

/**
 * Nine weeks of steady demands in every community: each its own daily volume, each demand one
 * to three everyday words drawn with Zipf-like weights, the same odds every day.
 */
async function steadyNoise(t: TestContext, d: District, seed: number, days = 63) {
  const r = seeded(seed);
  const weights = NOISE.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const word = () => {
    let x = r.next() * total;
    for (let i = 0; i < NOISE.length; i++) if ((x -= weights[i]!) <= 0) return NOISE[i]!;
    return NOISE[0]!;
  };
  const rows: { place: Node; text: string; at: Date }[] = [];
  for (const { communities } of d.streets) {
    for (const community of communities) {
      const perDay = 0.8 + r.next() * 2;
      for (let day = 0; day < days; day++) {
        for (let k = poisson(r, perDay); k > 0; k--) {
          const words = Array.from({ length: r.int(1, 3) }, word);
          rows.push({ place: community, text: words.join('，'), at: new Date(NOW.getTime() - (day + r.next()) * 86_400_000) });
        }
      }
    }
  }
  await insertDemands(t.db, rows);
  return rows.length;
}

const warnings = (t: TestContext) => t.db.select().from(hotTopic);

describe('hot-topic detection on generated demands', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(async () => t.close());

  it('finds planted spikes at the right node with the right word and count, and leaves their siblings alone', async () => {
    const d = await makeDistrict(t, 2, 4);
    const [a, b] = d.streets as [District['streets'][0], District['streets'][0]];
    const [lift, sibling] = a.communities as [Node, Node];
    const parking = b.communities[2]!;
    const secretary = await makeAccount(t.db, { username: 'sec-lift', password: TEST_PASSWORD, grants: [{ role: 'community_secretary', territoryId: lift.id }] });
    const streetAdmin = await makeAccount(t.db, { username: 'street-a', password: TEST_PASSWORD, grants: [{ role: 'street_admin', territoryId: a.street.id }] });
    const siblingWorker = await makeAccount(t.db, { username: 'worker-sib', password: TEST_PASSWORD, grants: [{ role: 'community_worker', territoryId: sibling.id }] });
    await steadyNoise(t, d, 7);
    // 电梯 in one community: 1.5 a week for eight weeks, then 12 in the last seven days.
    await insertDemands(t.db, spread(NOW, 12, 63, 7).map((at) => ({ place: lift, text: '电梯故障', at })));
    const liftIds = await insertDemands(t.db, spread(NOW, 12, 7, 0).map((at) => ({ place: lift, text: '电梯坏了，困人', at })));
    // 停车位, never asked about before, 9 times this week in a community of the other street.
    await insertDemands(t.db, spread(NOW, 9, 7, 0).map((at) => ({ place: parking, text: '停车位没有了', at })));

    const run = await detectHotTopics(t.db, NOW);
    expect(run).toEqual({ ran: true, raised: 4, updated: 0, closed: 0 });
    const found = (await warnings(t)).map((w) => ({ node: w.territoryId, term: w.term, count: w.count, state: w.state })).sort((x, y) => x.node.localeCompare(y.node) || x.term.localeCompare(y.term));
    const expected = [
      { node: lift.id, term: '电梯', count: 12, state: 'open' },
      { node: a.street.id, term: '电梯', count: 12, state: 'open' },
      { node: parking.id, term: '停车位', count: 9, state: 'open' },
      { node: b.street.id, term: '停车位', count: 9, state: 'open' },
    ].sort((x, y) => x.node.localeCompare(y.node) || x.term.localeCompare(y.term));
    expect(found).toEqual(expected);
    expect((await warnings(t)).some((w) => w.territoryId === sibling.id)).toBe(false);

    const [w] = await t.db.select().from(hotTopic).where(and(eq(hotTopic.territoryId, lift.id), eq(hotTopic.term, '电梯')));
    expect([...w!.demandIds].sort()).toEqual([...liftIds].sort());
    expect(w!.baseline).toBe(1.5);
    expect(w!.windowDays).toBe(7);

    const notices = await t.db.select().from(notification).where(eq(notification.kind, 'hotTopic.raised'));
    const titles = (accountId: string) => notices.filter((n) => n.accountId === accountId).map((n) => n.title).sort();
    expect(titles(secretary.id)).toEqual(['热点预警 甲1居民区：电梯 7天12件，平时每周1.5件']);
    expect(titles(streetAdmin.id)).toEqual(['热点预警 甲1居民区：电梯 7天12件，平时每周1.5件', '热点预警 甲街道：电梯 7天12件，平时每周1.5件']);
    expect(titles(siblingWorker.id)).toEqual([]);
  });

  it('raises nothing on steady noise over many nodes and words', async () => {
    const d = await makeDistrict(t, 3, 8);
    const demands = await steadyNoise(t, d, 20261129, 70);
    expect(demands).toBeGreaterThan(3000);
    // Several runs a few days apart, each a window of its own over the same steady stream.
    for (const daysAgo of [0, 3, 5]) {
      const run = await detectHotTopics(t.db, daysBefore(NOW, daysAgo));
      expect(run.raised, `run ${daysAgo} days before`).toBe(0);
    }
    expect(await warnings(t)).toEqual([]);
  });

  it('updates the open warning on the next run instead of raising another, and tells staff once', async () => {
    const d = await makeDistrict(t, 1, 2);
    const lift = d.streets[0]!.communities[0]!;
    const secretary = await makeAccount(t.db, { username: 'sec', password: TEST_PASSWORD, grants: [{ role: 'community_secretary', territoryId: lift.id }] });
    await insertDemands(t.db, spread(NOW, 8, 7, 0).map((at) => ({ place: lift, text: '电梯停运', at })));
    expect((await detectHotTopics(t.db, NOW)).raised).toBe(2);
    const first = await warnings(t);

    await insertDemands(t.db, [{ place: lift, text: '电梯又坏了', at: new Date(NOW.getTime() + 1_800_000) }]);
    const later = new Date(NOW.getTime() + 3_600_000);
    expect(await detectHotTopics(t.db, later)).toEqual({ ran: true, raised: 0, updated: 2, closed: 0 });
    expect(await detectHotTopics(t.db, later)).toEqual({ ran: true, raised: 0, updated: 2, closed: 0 });
    const again = await warnings(t);
    expect(again.map((w) => w.id).sort()).toEqual(first.map((w) => w.id).sort());
    expect(again.every((w) => w.count === 9 && w.demandIds.length === 9)).toBe(true);
    expect(again.every((w) => w.detectedAt.getTime() === NOW.getTime())).toBe(true);
    const notices = await t.db.select().from(notification).where(eq(notification.accountId, secretary.id));
    expect(notices).toHaveLength(1);
  });

  it('closes a warning once its word subsides, and a later spike opens a new one', async () => {
    const d = await makeDistrict(t, 1, 1);
    const c = d.streets[0]!.communities[0]!;
    await insertDemands(t.db, spread(NOW, 10, 7, 0).map((at) => ({ place: c, text: '停车位没有了', at })));
    await detectHotTopics(t.db, NOW);
    // Acknowledged warnings close too when the word has calmed down.
    await t.db.update(hotTopic).set({ state: 'acknowledged' }).where(eq(hotTopic.territoryId, c.id));
    // Three and a half days on, 5 of the 10 are still in the window: the warnings stay.
    expect((await detectHotTopics(t.db, new Date(NOW.getTime() + 3.5 * 86_400_000))).closed).toBe(0);
    // Eight days on, the week is quiet.
    const quiet = new Date(NOW.getTime() + 8 * 86_400_000);
    expect(await detectHotTopics(t.db, quiet)).toEqual({ ran: true, raised: 0, updated: 0, closed: 2 });
    expect((await warnings(t)).map((w) => w.state)).toEqual(['closed', 'closed']);

    const next = new Date(NOW.getTime() + 30 * 86_400_000);
    await insertDemands(t.db, spread(next, 30, 7, 0).map((at) => ({ place: c, text: '停车位被占', at })));
    expect((await detectHotTopics(t.db, next)).raised).toBe(2);
    expect((await warnings(t)).map((w) => w.state).sort()).toEqual(['closed', 'closed', 'open', 'open']);
  });
});
