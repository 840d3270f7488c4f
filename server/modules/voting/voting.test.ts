import { and, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, grant } from '../../db/schema/accounts.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { ballot, estateOwner, exclusiveUnit, voteMatter } from '../../db/schema/voting.ts';
import { type Node, makeNode, makePerson } from '../../demo/factories.ts';
import { idNumber } from '../../demo/random.ts';
import { type Session, type TestContext, as, createTestContext } from '../../test/harness.ts';
import { accountFor, sessionFor } from '../../test/two-streets.ts';
import { shanghaiMinute } from './rules.ts';
import { type Choice, recount, unitArea } from './tally.ts';
import { makeEstate, makeMatter, registerUpload } from './test-data.ts';

let t: TestContext;
let district: Node, street: Node, community: Node, building: Node, otherCommunity: Node;
let secretary: Session, outsider: Session;

beforeAll(async () => {
  t = await createTestContext();
  district = await makeNode(t.db, null, 'district', '测试区', 'V');
  street = await makeNode(t.db, district, 'subdistrict', '测试街道', 'V-S');
  community = await makeNode(t.db, street, 'neighborhood', '龙潭居民区', 'V-C');
  const grid = await makeNode(t.db, community, 'grid', '一网格', 'V-G');
  building = await makeNode(t.db, grid, 'building', '1号楼', 'V-B');
  otherCommunity = await makeNode(t.db, street, 'neighborhood', '和平居民区', 'V-C2');
  secretary = (await accountFor(t, 'community_secretary', community, 'secretary')).session;
  outsider = (await accountFor(t, 'community_secretary', otherCommunity, 'outsider')).session;
});
afterAll(() => t.close());

let serial = 700_000;
/** A resident with a person of their own and an account granted on the building. */
async function owner(name = '业主') {
  const p = await makePerson(t.db, t.pii, building, { name, idNumber: idNumber(++serial, 'male') });
  const a = await accountFor(t, 'resident', building, `owner-${serial}`, p.id);
  return { person: p, idNumber: idNumber(serial, 'male'), session: a.session, accountId: a.accountId };
}

async function newEstate(s = secretary, o: { ballotsChangeable?: boolean } = {}) {
  const res = await as(t.app, s).post('/api/estates', { territoryId: community.id, name: `小区${++serial}`, ...o });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('estates', () => {
  it('sit on a community or area node in the caller’s territory', async () => {
    const onBuilding = await as(t.app, secretary).post('/api/estates', { territoryId: building.id, name: '楼栋小区' });
    expect([onBuilding.statusCode, onBuilding.json().errors[0].field]).toEqual([422, 'territoryId']);
    expect((await as(t.app, outsider).post('/api/estates', { territoryId: community.id, name: '别人的小区' })).statusCode).toBe(404);
    const id = await newEstate();
    expect((await as(t.app, outsider).get(`/api/estates/${id}`)).statusCode).toBe(404);
    const list = (await as(t.app, outsider).get('/api/estates')).json().items.map((e: { id: string }) => e.id);
    expect(list).not.toContain(id);
  });
});

describe('owners’ register import', () => {
  it('counts a buyer of two units once with the summed area, all developer units as one owner, and links platform persons', async () => {
    const linked = await owner('王建国');
    const id = await newEstate();
    const up = await registerUpload([
      ['1号楼101', '王建国', linked.idNumber, '90.00', '91.00', null, '否'],
      ['1号楼102', '李四', 'E12345678', null, '60.5', '61', '否'],
      ['2号楼201', '李四', 'E12345678', null, null, '70.25', '否'],
      ['3号楼301', '某某置业有限公司', '91310000MA1FL0000X', '100', null, null, '是'],
      ['3号楼302', '某某置业有限公司', '91310000MA1FL0000X', '100', null, null, '是'],
      ['3号楼303', '某某置业有限公司', null, '100', null, null, '是'],
    ]);
    const res = await as(t.app, secretary).post(`/api/estates/${id}/owners/import`, up.payload, up.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ units: 6, owners: 3, linked: 1, developerUnits: 3 });
    const estate = (await as(t.app, secretary).get(`/api/estates/${id}`)).json();
    expect(estate).toMatchObject({ units: 6, owners: 3, area: 9_000 + 6_050 + 7_025 + 30_000 });
    const units = (await as(t.app, secretary).get(`/api/estates/${id}/units`)).json().items;
    const li = units.filter((u: { label: string }) => u.label !== '1号楼101' && !u.label.startsWith('3'));
    expect(new Set(li.map((u: { owner: { id: string } }) => u.owner.id)).size).toBe(1);
    expect(li[0].owner.name).toBe('李*');
    expect(units.find((u: { label: string }) => u.label === '1号楼102')).toMatchObject({ area: 6_050, areaSource: 'surveyed' });
    expect(units.find((u: { label: string }) => u.label === '1号楼101').owner).toMatchObject({ name: '王*国', linked: true });
    const [o] = await t.db.select().from(estateOwner).where(and(eq(estateOwner.estateId, id), eq(estateOwner.personId, linked.person.id)));
    expect(o).toBeDefined();
    expect(JSON.stringify(units)).not.toContain('E12345678');
  });

  it('refuses the whole file on any bad row, naming row and column, and writes nothing', async () => {
    const id = await newEstate();
    const up = await registerUpload([
      ['1号楼101', '张三', 'E11111111', '90', null, null, '否'],
      ['1号楼101', '赵六', 'E22222222', 'abc', null, null, '否'],
      ['1号楼103', '', 'E33333333', null, null, null, '也许'],
    ]);
    const res = await as(t.app, secretary).post(`/api/estates/${id}/owners/import`, up.payload, up.headers);
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(errors).toEqual(['3:楼栋房号', '3:登记面积', '4:业主姓名', '4:登记面积', '4:是否开发商未售']);
    expect(res.json().reportId).toBeTruthy();
    expect(await t.db.select().from(exclusiveUnit).where(eq(exclusiveUnit.estateId, id))).toHaveLength(0);
  });

  it('is fixed once a matter has gone to the vote', async () => {
    const id = await newEstate();
    const first = await registerUpload([['1号楼101', '张三', 'E11111111', '90', null, null, '否']]);
    expect((await as(t.app, secretary).post(`/api/estates/${id}/owners/import`, first.payload, first.headers)).statusCode).toBe(200);
    const m = (await as(t.app, secretary).post(`/api/estates/${id}/matters`, { kind: 'other_major', title: '设置充电桩' })).json();
    expect((await as(t.app, secretary).post(`/api/vote-matters/${m.id}/open`)).statusCode).toBe(200);
    const again = await registerUpload([['1号楼101', '张三', 'E11111111', '95', null, null, '否']]);
    const res = await as(t.app, secretary).post(`/api/estates/${id}/owners/import`, again.payload, again.headers);
    expect([res.statusCode, res.json().code]).toEqual([409, 'voting.registerLocked']);
  });
});

describe('ballots and receipts', () => {
  it('an owner votes, changes their vote, checks the receipt; others learn only that it was counted; the audit keeps no choice', async () => {
    const me = await owner('陈一');
    const other = await owner('陈二');
    const { estate, ownerIds } = await makeEstate(t.db, t.pii, community, [
      { name: '陈一', units: [['1-101', 9_000]], personId: me.person.id },
      { name: '陈二', units: [['1-102', 9_000]], personId: other.person.id },
    ]);
    const m = await makeMatter(t.db, estate.id);
    const cast = await as(t.app, me.session).post(`/api/vote-matters/${m.id}/ballot`, { choice: 'against' });
    expect(cast.statusCode, cast.body).toBe(200);
    const { receipt } = cast.json();
    expect(receipt).toMatch(/^[A-Z2-7]{10}$/);
    const changed = (await as(t.app, me.session).post(`/api/vote-matters/${m.id}/ballot`, { choice: 'for' })).json();
    expect(changed).toMatchObject({ receipt, choice: 'for', changes: 1 });

    const mine = (await as(t.app, me.session).post(`/api/vote-matters/${m.id}/receipt-check`, { receipt: receipt.toLowerCase() })).json();
    expect(mine).toMatchObject({ counted: true, mine: true, choice: 'for', matterTitle: m.title, matterState: 'open' });
    const theirs = (await as(t.app, other.session).post(`/api/vote-matters/${m.id}/receipt-check`, { receipt })).json();
    expect(theirs).toMatchObject({ counted: true, mine: false, choice: null });
    expect((await as(t.app, secretary).post(`/api/vote-matters/${m.id}/receipt-check`, { receipt })).json().choice).toBeNull();
    const unknown = await as(t.app, me.session).post(`/api/vote-matters/${m.id}/receipt-check`, { receipt: 'AAAAAAAAAA' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'voting.receiptUnknown']);
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/vote-matters/${m.id}/receipt-check`, payload: { receipt } });
    expect(anonymous.json()).toEqual({ counted: true, matterTitle: m.title, estateName: estate.name, matterState: 'open', mine: false, choice: null });
    const elsewhere = await makeMatter(t.db, estate.id);
    expect((await t.app.inject({ method: 'POST', url: `/api/vote-matters/${elsewhere.id}/receipt-check`, payload: { receipt } })).statusCode).toBe(404);

    const my = (await as(t.app, me.session).get('/api/my/vote-matters')).json().items;
    expect(my.find((x: { id: string }) => x.id === m.id)?.myBallot).toMatchObject({ receipt, choice: 'for' });
    const theirList = (await as(t.app, other.session).get('/api/my/vote-matters')).json().items;
    expect(theirList.find((x: { id: string }) => x.id === m.id)?.myBallot).toBeNull();

    const trail = await t.db.select().from(auditLog).where(eq(auditLog.targetId, m.id));
    expect(trail.map((r) => r.action)).toEqual(['ballot.cast', 'ballot.change']);
    for (const r of trail) expect(JSON.stringify(r.after)).not.toMatch(/"(for|against|abstain)"|choice/);

    // At rest the code is nowhere readable, nor its plain SHA-256 that anyone could compute from it.
    const [row] = await t.db.select().from(ballot).where(eq(ballot.matterId, m.id));
    const stored = JSON.stringify([row, ...trail]);
    expect(stored).not.toContain(receipt);
    expect(stored).not.toContain(createHash('sha256').update(receipt).digest('hex'));
    expect(row).toMatchObject({ legacyReceipt: null, receiptHash: (trail[0]!.after as { receiptHash: string }).receiptHash });
    expect(t.pii.decrypt(row!.receiptEnc!)).toBe(receipt);
    expect(ownerIds).toHaveLength(2);
  });

  it('refuses someone not on the register, a change the estate’s rules forbid, and a ballot after the close', async () => {
    const me = await owner();
    const stranger = await owner();
    const { estate } = await makeEstate(t.db, t.pii, community, [{ name: '周一', units: [['1-101', 9_000]], personId: me.person.id }], { ballotsChangeable: false });
    const m = await makeMatter(t.db, estate.id);
    expect((await as(t.app, stranger.session).post(`/api/vote-matters/${m.id}/ballot`, { choice: 'for' })).json().code).toBe('voting.notOwner');
    expect((await as(t.app, me.session).post(`/api/vote-matters/${m.id}/ballot`, { choice: 'for' })).statusCode).toBe(200);
    expect((await as(t.app, me.session).post(`/api/vote-matters/${m.id}/ballot`, { choice: 'for' })).statusCode).toBe(200);
    const change = await as(t.app, me.session).post(`/api/vote-matters/${m.id}/ballot`, { choice: 'against' });
    expect([change.statusCode, change.json().code]).toEqual([409, 'voting.ballotFinal']);
    const closed = (await as(t.app, secretary).post(`/api/vote-matters/${m.id}/close`)).json();
    expect(closed.state).toBe('closed');
    expect(closed.result).toMatchObject({ verdict: 'passed', totalOwners: 1, participatingOwners: 1, forOwners: 1 });
    const late = await as(t.app, me.session).post(`/api/vote-matters/${m.id}/ballot`, { choice: 'for' });
    expect([late.statusCode, late.json().code]).toEqual([409, 'voting.notOpen']);
  });

  it('refuses a ballot once the closing time has passed, before the timer has closed the matter', async () => {
    const me = await owner();
    const { estate } = await makeEstate(t.db, t.pii, community, [{ name: '吴一', units: [['1-101', 9_000]], personId: me.person.id }]);
    const closesAt = new Date(Date.now() - 60_000);
    const m = await makeMatter(t.db, estate.id, { closesAt });
    const late = await as(t.app, me.session).post(`/api/vote-matters/${m.id}/ballot`, { choice: 'for' });
    expect([late.statusCode, late.json().code]).toEqual([409, 'voting.closesAtPassed']);
    expect(late.json().detail).toBe(`该表决已于 ${shanghaiMinute(closesAt)} 截止，不能再投票。`);
    expect(await t.db.select().from(ballot).where(eq(ballot.matterId, m.id))).toHaveLength(0);
    const [still] = await t.db.select().from(voteMatter).where(eq(voteMatter.id, m.id));
    expect(still!.state).toBe('open');
    const past = await as(t.app, secretary).post(`/api/estates/${estate.id}/matters`, { kind: 'other_major', title: '补选业委会委员', closesAt: closesAt.toISOString() });
    expect([past.statusCode, past.json().errors[0].field]).toEqual([422, 'closesAt']);
    const soon = await makeMatter(t.db, estate.id, { closesAt: new Date(Date.now() + 3_600_000) });
    expect((await as(t.app, me.session).post(`/api/vote-matters/${soon.id}/ballot`, { choice: 'for' })).statusCode).toBe(200);
  });
});

describe('under load', () => {
  it('200 owners voting at once: 200 ballots counted; ten submissions of one owner make one ballot; the tally equals a recount', async () => {
    const people = [];
    for (let i = 0; i < 200; i++) people.push(await makePerson(t.db, t.pii, building, { name: `业主${i}`, idNumber: idNumber(++serial, 'female') }));
    const specs = people.map((p, i) => ({ name: p.name, personId: p.id, units: [[`9-${i}`, 8_000 + (i % 7) * 1_000]] as [string, number][] }));
    // One of them owns a second flat: one owner, the areas summed.
    specs[0]!.units.push(['9-extra', 12_345]);
    const { estate } = await makeEstate(t.db, t.pii, community, [...specs, { name: '开发商', isDeveloper: true, units: [['D-1', 10_000], ['D-2', 10_000]] }]);
    const m = await makeMatter(t.db, estate.id, { kind: 'rebuild' });
    const sessions: Session[] = [];
    for (const [i, p] of people.entries()) {
      const [a] = await t.db.insert(account).values({ username: `load-${i}`, displayName: p.name, personId: p.id, passwordHash: 'x', mustChangePassword: false }).returning();
      await t.db.insert(grant).values({ accountId: a!.id, role: 'resident', territoryId: building.id });
      sessions.push(await sessionFor(t, a!.id));
    }
    const choices: Choice[] = ['for', 'for', 'for', 'against', 'abstain'];
    const live = as(t.app, secretary);
    const [results] = await Promise.all([
      Promise.all(sessions.map((s, i) => as(t.app, s).post(`/api/vote-matters/${m.id}/ballot`, { choice: choices[i % 5] }))),
      live.get(`/api/vote-matters/${m.id}/tally`),
    ]);
    expect(results.map((r) => r.statusCode).filter((c) => c !== 200)).toEqual([]);

    const tenTimes = await Promise.all(Array.from({ length: 10 }, () => as(t.app, sessions[1]!).post(`/api/vote-matters/${m.id}/ballot`, { choice: 'for' })));
    expect(tenTimes.every((r) => r.statusCode === 200)).toBe(true);
    const rows = await t.db.select().from(ballot).where(eq(ballot.matterId, m.id));
    expect(rows).toHaveLength(200);

    const units = await t.db.select().from(exclusiveUnit).where(eq(exclusiveUnit.estateId, estate.id));
    const counts = recount(units.map((u) => ({ ownerId: u.ownerId, area: unitArea(u) })), new Map(rows.map((b) => [b.ownerId, b.choice])));
    const tally = (await live.get(`/api/vote-matters/${m.id}/tally`)).json();
    expect(tally).toMatchObject(counts);
    expect(tally).toMatchObject({ totalOwners: 201, participatingOwners: 200 });

    const closed = (await live.post(`/api/vote-matters/${m.id}/close`)).json();
    expect(closed.result).toEqual(tally);
    const [frozen] = await t.db.select().from(voteMatter).where(eq(voteMatter.id, m.id));
    expect(frozen!.state).toBe('closed');
  }, 120_000);
});
