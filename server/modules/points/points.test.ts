import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointsBalance, pointsEntry, pointsRule } from '../../db/schema/members.ts';
import { person } from '../../db/schema/people.ts';
import { makeAccount, makeNode, makePerson } from '../../demo/factories.ts';
import { TEST_PASSWORD, type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets, sessionFor } from '../../test/two-streets.ts';
import { awardPoints, reverseEntry } from './award.ts';
import { ensureDefaultRules } from './default-rules.ts';
import { periodsOf } from './periods.ts';
import { validPoints } from './queries.ts';

let t: TestContext;
let f: TwoStreets;
let district: RoleAccount;
let streetA: RoleAccount;
let streetB: RoleAccount;
let secretaryA: RoleAccount;
const system = { system: 'test' };
let n = 0;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  await ensureDefaultRules(t.db, f.district.id);
  district = await accountFor(t, 'district_admin', f.district);
  streetA = await accountFor(t, 'street_admin', f.a.street);
  streetB = await accountFor(t, 'street_admin', f.b.street, 'street-b');
  secretaryA = await accountFor(t, 'community_secretary', f.a.community);
});
afterAll(() => t.close());

const api = (a: RoleAccount) => as(t.app, a.session);
const put = (a: RoleAccount, url: string, payload: unknown) =>
  t.app.inject({ method: 'PUT', url, payload: payload as object, headers: { cookie: a.session.cookie, 'x-csrf-token': a.session.csrf } });
const member = (name?: string) => makePerson(t.db, t.pii, f.a.building, { isPartyMember: true, ...(name ? { name } : {}) });
const award = (personId: string, ruleCode: 'activity' | 'service_hour' | 'wish' | 'registration', quantity = 1, sourceId = `src-${++n}`) =>
  t.db.transaction((tx) => awardPoints(tx, system, { personId, ruleCode, sourceType: 'test', sourceId, quantity }));
const balance = async (personId: string, period = 'all') =>
  (await t.db.select().from(pointsBalance).where(and(eq(pointsBalance.personId, personId), eq(pointsBalance.period, period))))[0]?.points ?? 0;

/** A member with their own account and session, to ask for "my points". */
async function memberAccount(personId: string) {
  const a = await makeAccount(t.db, { username: `m-${++n}`, password: TEST_PASSWORD, personId, grants: [{ role: 'party_member', territoryId: f.a.community.id }] });
  return { role: 'party_member' as const, accountId: a.id, personId, username: a.username, node: f.a.community, session: await sessionFor(t, a.id) };
}

describe('awarding', () => {
  it('awards the same source once when it arrives ten times at once', async () => {
    const p = await member();
    const results = await Promise.all(Array.from({ length: 10 }, () => award(p.id, 'activity', 1, 'checkin-42')));
    expect(results.filter(Boolean)).toHaveLength(1);
    const entries = await t.db.select().from(pointsEntry).where(eq(pointsEntry.personId, p.id));
    expect(entries).toHaveLength(1);
    for (const period of periodsOf(new Date())) expect(await balance(p.id, period)).toBe(5);
  });

  it('holds service hours to the monthly cap', async () => {
    const p = await member();
    expect((await award(p.id, 'service_hour', 15))!.points).toBe(150);
    expect((await award(p.id, 'service_hour', 10))!.points).toBe(50);
    expect((await award(p.id, 'service_hour', 3))!.points).toBe(0);
    expect((await award(p.id, 'activity'))!.points).toBe(5);
    expect(await balance(p.id)).toBe(205);
  });

  it('holds the monthly cap when ten awards under one rule arrive at once', async () => {
    const p = await member();
    const results = await Promise.all(Array.from({ length: 10 }, () => award(p.id, 'service_hour', 3)));
    expect(results.every(Boolean)).toBe(true);
    const entries = await t.db.select().from(pointsEntry).where(eq(pointsEntry.personId, p.id));
    expect(entries.reduce((sum, e) => sum + e.points, 0)).toBe(200);
    expect(entries.filter((e) => e.points === 30)).toHaveLength(6);
    expect(await balance(p.id)).toBe(200);
  });

  it('changes a rule by a new version: past entries and balances stay as they were', async () => {
    const p = await member();
    await award(p.id, 'wish');
    const res = await put(district, '/api/points/rules/wish', { districtId: f.district.id, points: 40, monthlyCap: null, expiry: 'none' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'wish', points: 40, validTo: null });
    expect(await balance(p.id)).toBe(20);
    await award(p.id, 'wish');
    expect(await balance(p.id)).toBe(60);
    const entries = await t.db.select().from(pointsEntry).where(eq(pointsEntry.personId, p.id));
    expect(entries.map((e) => e.points).sort()).toEqual([20, 40]);
    expect(new Set(entries.map((e) => e.ruleId)).size).toBe(2);
    const rules = (await api(district).get('/api/points/rules')).json();
    expect(rules.current.find((r: { code: string }) => r.code === 'wish').points).toBe(40);
    expect(rules.history).toEqual([expect.objectContaining({ code: 'wish', points: 20, validTo: expect.any(String) })]);
  });

  it('lets only the district administrator change rules, and names a bad field', async () => {
    expect((await put(streetA, '/api/points/rules/wish', { districtId: f.district.id, points: 1, monthlyCap: null, expiry: 'none' })).statusCode).toBe(403);
    const bad = await put(district, '/api/points/rules/wish', { districtId: f.district.id, points: -1, monthlyCap: null, expiry: 'none' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('points');
  });
});

describe('corrections', () => {
  it('reverses an entry with a note; both stay, the balance drops, and it cannot be reversed twice', async () => {
    const p = await member();
    const e = (await award(p.id, 'activity'))!;
    expect((await api(streetB).post(`/api/points/entries/${e.id}/reverse`, { note: '越权' })).statusCode).toBe(404);
    const res = await api(streetA).post(`/api/points/entries/${e.id}/reverse`, { note: '重复签到' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ points: -5, reversesId: e.id, note: '重复签到' });
    expect(await balance(p.id)).toBe(0);
    expect(await t.db.select().from(pointsEntry).where(eq(pointsEntry.personId, p.id))).toHaveLength(2);
    const again = await api(streetA).post(`/api/points/entries/${e.id}/reverse`, { note: '再冲一次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('points.alreadyReversed');
    const ofReversal = await api(streetA).post(`/api/points/entries/${res.json().id}/reverse`, { note: 'x' });
    expect(ofReversal.json().code).toBe('points.cannotReverseReversal');
    const ledger = (await api(secretaryA).get(`/api/points/entries?personId=${p.id}`)).json();
    expect(ledger.items.map((i: { points: number; reversedBy: number | null }) => [i.points, i.reversedBy])).toEqual([[-5, null], [5, res.json().id]]);
    expect(ledger.sum).toBe(0);
  });

  it("sums a member's ledger across pages: their balance", async () => {
    const p = await member();
    await award(p.id, 'activity');
    await award(p.id, 'wish');
    const page = (await api(secretaryA).get(`/api/points/entries?personId=${p.id}&pageSize=1`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(2);
    expect(page.sum).toBe(await balance(p.id));
  });
});

describe('rankings and my rank', () => {
  it('orders by points, shares ranks on ties across pages, and ranks me the same way', async () => {
    const c = await makeNode(t.db, f.a.street, 'neighborhood', '排名社区');
    const b = await makeNode(t.db, c, 'building', '排名1号楼');
    const people = [];
    for (const [name, wishes] of [['赵一', 1], ['钱二', 3], ['孙三', 3], ['李四', 2], ['周五', 0]] as const) {
      const p = await makePerson(t.db, t.pii, b, { name, isPartyMember: true });
      for (let i = 0; i < wishes; i++) await award(p.id, 'activity');
      people.push(p);
    }
    const page1 = (await api(streetA).get(`/api/points/rankings?territoryId=${c.id}&period=all&pageSize=2`)).json();
    expect(page1.total).toBe(4);
    expect(page1.items.map((i: { name: string; rank: number; points: number }) => [i.rank, i.points])).toEqual([[1, 15], [1, 15]]);
    expect(page1.items.map((i: { name: string }) => i.name).sort()).toEqual(['孙三', '钱二']);
    const page2 = (await api(streetA).get(`/api/points/rankings?territoryId=${c.id}&period=all&pageSize=2&page=2`)).json();
    expect(page2.items.map((i: { name: string; rank: number }) => [i.name, i.rank])).toEqual([['李四', 3], ['赵一', 4]]);

    const sun = await memberAccount(people[2]!.id);
    const mine = (await api(sun).get('/api/points/me?period=all')).json();
    expect(mine).toMatchObject({ points: 15, balances: { all: 15 } });
    expect(mine.ranks.community).toMatchObject({ id: c.id, rank: 1, total: 4 });
    const li = (await api(await memberAccount(people[3]!.id)).get('/api/points/me?period=all')).json();
    expect(li.ranks.community).toMatchObject({ rank: 3, total: 4 });
    expect(li.ranks.street.rank).toBeGreaterThanOrEqual(3);
    const zhou = (await api(await memberAccount(people[4]!.id)).get('/api/points/me?period=all')).json();
    expect(zhou.ranks.community).toBeNull();

    const asMember = (await api(sun).get(`/api/points/rankings?territoryId=${f.district.id}&period=all`)).json();
    expect(asMember.items[0].name).toMatch(/\*/);
    const history = (await api(sun).get('/api/points/me/history')).json();
    expect(history.total).toBe(3);
    expect((await api(sun).get(`/api/points/rankings?territoryId=${f.b.community.id}`)).statusCode).toBe(404);
  });
});

describe('members per node, kept with the balances', () => {
  /** Every kept total beside a count of the balances it stands for; they must be the same. */
  async function totalsAgainstCounts() {
    const res = await t.db.execute(sql`
      with counted as (
        select node_id, period, count(*)::int as n from (
          select district_id as node_id, period from points_balance
          union all select street_id, period from points_balance
          union all select community_id, period from points_balance) x group by node_id, period)
      select coalesce(c.node_id, k.node_id) as node, coalesce(c.period, k.period) as period, c.n as counted, k.members as kept
      from counted c full join points_node_total k on k.node_id = c.node_id and k.period = c.period
      where coalesce(c.n, 0) <> coalesce(k.members, 0)`);
    return (res as unknown as { rows: unknown[] }).rows;
  }

  it('counts each member once per node and period under concurrent awards, reversals and a move of home', async () => {
    const c = await makeNode(t.db, f.a.street, 'neighborhood', '合计社区');
    const b = await makeNode(t.db, c, 'building', '合计1号楼');
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => makePerson(t.db, t.pii, b, { name: `合计${i}`, isPartyMember: true })));
    // Two awards per member at once: each member counts once, however the awards interleave.
    const entries = await Promise.all(people.flatMap((p) => [award(p.id, 'activity'), award(p.id, 'wish')]));
    expect(await totalsAgainstCounts()).toEqual([]);
    const ranking = (await api(streetA).get(`/api/points/rankings?territoryId=${c.id}&period=all&pageSize=2`)).json();
    expect(ranking.total).toBe(6);

    // A reversal leaves the member in the ranking (with fewer points): the total stays.
    await t.db.transaction((tx) => reverseEntry(tx, system, entries[0]!.id, '更正'));
    expect(await totalsAgainstCounts()).toEqual([]);
    expect((await api(streetA).get(`/api/points/rankings?territoryId=${c.id}&period=all`)).json().total).toBe(6);

    // The member moves to a community of the other street: the next award carries the balance there.
    await t.db.update(person).set({ territoryId: f.b.building.id }).where(eq(person.id, people[1]!.id));
    await award(people[1]!.id, 'activity');
    expect(await totalsAgainstCounts()).toEqual([]);
    expect((await api(streetA).get(`/api/points/rankings?territoryId=${c.id}&period=all`)).json().total).toBe(5);
    const moved = (await api(await memberAccount(people[1]!.id)).get('/api/points/me?period=all')).json();
    expect(moved.ranks.community).toMatchObject({ id: f.b.community.id, rank: expect.any(Number) });
    expect(moved.ranks.community.total).toBe((await api(district).get(`/api/points/rankings?territoryId=${f.b.community.id}&period=all`)).json().total);

    // Reversing an entry made in the old community takes the balance back there, totals with it.
    await t.db.transaction((tx) => reverseEntry(tx, system, entries[2]!.id, '更正'));
    expect(await totalsAgainstCounts()).toEqual([]);
    expect((await api(streetA).get(`/api/points/rankings?territoryId=${c.id}&period=all`)).json().total).toBe(6);
    const mine = (await api(await memberAccount(people[5]!.id)).get('/api/points/me?period=all')).json();
    expect(mine.ranks.community.total).toBe(6);
  });
});

describe('annual expiry', () => {
  it('counts annual-rule entries of this and last calendar year only; none-rule entries for ever', async () => {
    const p = await member();
    const [rule] = await t.db.select().from(pointsRule).where(and(eq(pointsRule.districtId, f.district.id), eq(pointsRule.code, 'registration')));
    const old = { personId: p.id, communityId: f.a.community.id, streetId: f.a.street.id, districtId: f.district.id, ruleId: rule!.id, sourceType: 'test' };
    await t.db.insert(pointsEntry).values([
      { ...old, ruleCode: 'registration', sourceId: 'y2024', points: 50, createdAt: new Date('2024-06-01T00:00:00Z') },
      { ...old, ruleCode: 'registration', sourceId: 'y2025', points: 50, createdAt: new Date('2025-06-01T00:00:00Z') },
      { ...old, ruleCode: 'activity', sourceId: 'y2024a', points: 5, createdAt: new Date('2024-06-01T00:00:00Z') },
    ]);
    const now = new Date('2026-03-01T00:00:00Z');
    expect(await validPoints(t.db, p.id, now)).toBe(105);
    const res = await put(district, '/api/points/rules/registration', { districtId: f.district.id, points: 50, monthlyCap: null, expiry: 'annual' });
    expect(res.statusCode).toBe(200);
    expect(await validPoints(t.db, p.id, now)).toBe(55);
    expect(await validPoints(t.db, p.id, new Date('2027-01-02T00:00:00Z'))).toBe(5);
    await put(district, '/api/points/rules/registration', { districtId: f.district.id, points: 50, monthlyCap: null, expiry: 'none' });
  });
});

describe('commendations', () => {
  it('commends everyone over a threshold once, however often it runs, and lists each at the highest level', async () => {
    const c = await makeNode(t.db, f.a.street, 'neighborhood', '表彰社区');
    const b = await makeNode(t.db, c, 'building', '表彰1号楼');
    const star = await makePerson(t.db, t.pii, b, { isPartyMember: true, name: '吴星' });
    const none = await makePerson(t.db, t.pii, b, { isPartyMember: true, name: '郑无' });
    await put(district, '/api/points/rules/wish', { districtId: f.district.id, points: 40, monthlyCap: null, expiry: 'none' });
    for (let i = 0; i < 8; i++) await award(star.id, 'wish');
    await award(none.id, 'activity');
    const year = periodsOf(new Date())[1]!;
    const first = await api(streetA).post('/api/points/commendations', { territoryId: c.id, period: year });
    expect(first.json()).toEqual({ created: 2 });
    expect((await api(streetA).post('/api/points/commendations', { territoryId: c.id, period: year })).json()).toEqual({ created: 0 });
    const list = (await api(streetA).get(`/api/points/commendations?territoryId=${c.id}&period=${year}`)).json();
    expect(list.items).toEqual([expect.objectContaining({ personId: star.id, name: '吴星', level: 'star2', points: 320 })]);
    expect((await api(streetB).post('/api/points/commendations', { territoryId: c.id, period: year })).statusCode).toBe(404);
  });
});

describe('records of another community', () => {
  const expectNotFound = (res: { statusCode: number; headers: Record<string, unknown>; json: () => { code: string } }) => {
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('notFound');
  };

  it("answers 404, not 403, to staff naming another street's community, entry or another district's rules", async () => {
    const year = periodsOf(new Date())[1]!;
    expectNotFound(await api(streetB).post('/api/points/commendations', { territoryId: f.a.community.id, period: year }));
    expectNotFound(await api(streetB).get(`/api/points/commendations?territoryId=${f.a.community.id}&period=${year}`));
    expectNotFound(await api(streetB).get(`/api/points/rankings?territoryId=${f.a.community.id}&period=all`));
    const e = (await award((await member()).id, 'activity'))!;
    expectNotFound(await api(streetB).post(`/api/points/entries/${e.id}/reverse`, { note: '越权' }));
    const elsewhere = await makeNode(t.db, null, 'district', '邻区');
    await ensureDefaultRules(t.db, elsewhere.id);
    expectNotFound(await put(district, '/api/points/rules/wish', { districtId: elsewhere.id, points: 1, monthlyCap: null, expiry: 'none' }));
    const [rule] = await t.db.select().from(pointsRule).where(and(eq(pointsRule.districtId, elsewhere.id), eq(pointsRule.code, 'wish')));
    expect(rule!.points).not.toBe(1);
  });
});
