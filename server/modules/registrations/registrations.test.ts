import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { activity, activitySignup, memberRegistration } from '../../db/schema/members.ts';
import { makeAccount, makeBody, makeMember, makeNode, makePerson } from '../../demo/factories.ts';
import { TEST_PASSWORD, type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets, sessionFor } from '../../test/two-streets.ts';
import { pendingRegistration, pendingUnitRegistration } from '../../test/member-fixtures.ts';
import { ensureDefaultRules } from '../points/default-rules.ts';

let t: TestContext;
let f: TwoStreets;
let secretaryA: RoleAccount;
let secretaryB: RoleAccount;
let streetA: RoleAccount;
let unitBody: Awaited<ReturnType<typeof makeBody>>;
let liaison: RoleAccount;
let n = 0;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  await ensureDefaultRules(t.db, f.district.id);
  secretaryA = await accountFor(t, 'community_secretary', f.a.community);
  secretaryB = await accountFor(t, 'community_secretary', f.b.community, 'secretary-b');
  streetA = await accountFor(t, 'street_admin', f.a.street);
  // A resident unit in street B whose party branch is the workplace of members living in street A.
  const unitNode = await makeNode(t.db, f.b.community, 'building', '某公司办公楼');
  unitBody = await makeBody(t.db, unitNode, 'party_branch', '某公司党支部');
  liaison = await accountFor(t, 'unit_liaison', unitNode);
});
afterAll(() => t.close());

const api = (a: RoleAccount) => as(t.app, a.session);

/** A party member living in street A, with an account of their own. */
async function newMember(name = `党员${++n}`) {
  const p = await makePerson(t.db, t.pii, f.a.building, { name, isPartyMember: true });
  const a = await makeAccount(t.db, { username: `m-${++n}`, password: TEST_PASSWORD, personId: p.id, grants: [{ role: 'party_member', territoryId: f.a.community.id }] });
  return { role: 'party_member' as const, accountId: a.id, personId: p.id, username: a.username, node: f.a.community, session: await sessionFor(t, a.id), name };
}

describe('dual registration', () => {
  it('registers with the home community; the secretary confirms; the member is on the roster with the registration points', async () => {
    const m = await newMember('王报到');
    const mine = (await api(m).get('/api/registrations/mine')).json();
    expect(mine).toMatchObject({ current: null, history: [], communities: [{ id: f.a.community.id }] });
    const res = await api(m).post('/api/registrations', { workplaceOrgId: unitBody.id });
    expect(res.statusCode).toBe(201);
    const reg = res.json();
    expect(reg).toMatchObject({ state: 'pending', community: { id: f.a.community.id }, workplaceOrg: { id: unitBody.id, name: '某公司党支部' } });
    expect((await api(m).post('/api/registrations', { workplaceOrgName: '另一家' })).json().code).toBe('registration.alreadyLive');

    expect((await api(secretaryB).post(`/api/registrations/${reg.id}/confirm`)).statusCode).toBe(404);
    const confirmed = await api(secretaryA).post(`/api/registrations/${reg.id}/confirm`);
    expect(confirmed.json()).toMatchObject({ state: 'confirmed', decidedAt: expect.any(String) });
    expect((await api(secretaryA).post(`/api/registrations/${reg.id}/confirm`)).statusCode).toBe(409);
    expect((await api(m).get('/api/points/me?period=all')).json()).toMatchObject({ points: 50 });

    const roster = (await api(secretaryA).get(`/api/registrations?state=confirmed&territoryId=${f.a.community.id}`)).json();
    expect(roster.items).toEqual([expect.objectContaining({ id: reg.id, personName: '王报到', pointsYear: 50, phone: expect.stringMatching(/\*{4}/) })]);
    expect((await api(secretaryB).get('/api/registrations')).json().items.map((i: { id: string }) => i.id)).not.toContain(reg.id);
    const [audited] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'registration.confirm'));
    expect(audited).toMatchObject({ targetId: reg.id, actor: secretaryA.username });

    const file = await api(secretaryA).get(`/api/registrations/roster.xlsx?territoryId=${f.a.community.id}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['姓名', '性别', '手机号', '报到社区', '工作单位党组织', '提交时间', '确认时间', '本年积分']);
    expect(rows[1]).toEqual(expect.arrayContaining(['王报到', 'A居民区', '某公司党支部', 50]));
    expect(String(rows[1]![2])).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('returns with a reason the member sees; the member registers again and may withdraw', async () => {
    const m = await newMember();
    const reg = (await api(m).post('/api/registrations', { workplaceOrgName: '上海某研究所党委' })).json();
    const returned = await api(secretaryA).post(`/api/registrations/${reg.id}/return`, { reason: '请填写单位党组织全称' });
    expect(returned.json()).toMatchObject({ state: 'returned', reason: '请填写单位党组织全称' });
    const mine = (await api(m).get('/api/registrations/mine')).json();
    expect(mine.current).toBeNull();
    expect(mine.history[0]).toMatchObject({ state: 'returned', reason: '请填写单位党组织全称' });
    const again = await api(m).post('/api/registrations', { workplaceOrgName: '上海某研究所第一党支部' });
    expect(again.statusCode).toBe(201);
    const withdrawn = await api(m).post(`/api/registrations/${again.json().id}/withdraw`);
    expect(withdrawn.json().state).toBe('withdrawn');
    expect((await api(m).post(`/api/registrations/${again.json().id}/withdraw`)).json().code).toBe('registration.notLive');
    expect((await api(secretaryA).post(`/api/registrations/${again.json().id}/confirm`)).json().code).toBe('registration.notPending');
  });

  it('refuses a community the member does not live in, and a workplace that is not one of the two', async () => {
    const m = await newMember();
    expect((await api(m).post('/api/registrations', { communityId: f.b.community.id, workplaceOrgName: 'X' })).statusCode).toBe(404);
    const neither = await api(m).post('/api/registrations', {});
    expect(neither.statusCode).toBe(422);
    expect(neither.json().errors[0].field).toBe('workplaceOrgId');
    const notParty = await api(m).post('/api/registrations', { workplaceOrgId: (await makeBody(t.db, f.a.community, 'property_company', '某物业')).id });
    expect(notParty.json().errors[0]).toMatchObject({ field: 'workplaceOrgId', code: 'registration.notPartyBody' });
  });

  it('takes the registration points back when a confirmed registration is withdrawn, so registering again cannot earn them twice', async () => {
    const m = await newMember();
    const first = (await api(m).post('/api/registrations', { workplaceOrgName: '某单位党委' })).json();
    await api(secretaryA).post(`/api/registrations/${first.id}/confirm`);
    expect((await api(m).get('/api/points/me?period=all')).json().points).toBe(50);
    await api(m).post(`/api/registrations/${first.id}/withdraw`);
    expect((await api(m).get('/api/points/me?period=all')).json().points).toBe(0);
    const second = (await api(m).post('/api/registrations', { workplaceOrgName: '某单位党委' })).json();
    await api(secretaryA).post(`/api/registrations/${second.id}/confirm`);
    expect((await api(m).get('/api/points/me?period=all')).json().points).toBe(50);
    const history = (await api(m).get('/api/points/me/history')).json();
    expect(history.items.map((i: { points: number }) => i.points)).toEqual([50, -50, 50]);
  });
});

describe("the workplace organisation's view", () => {
  it("lists a year's service of its members and exports it as a readable workbook", async () => {
    const m = await newMember('李服务');
    const reg = (await api(m).post('/api/registrations', { workplaceOrgId: unitBody.id })).json();
    await api(secretaryA).post(`/api/registrations/${reg.id}/confirm`);
    const now = new Date();
    const [act] = await t.db.insert(activity).values({
      territoryId: f.a.community.id, kind: 'volunteer', title: '垃圾分类宣传', startsAt: now, endsAt: new Date(now.getTime() + 3600_000),
      capacity: 10, cancelDeadline: now, qrSecret: 'x',
    }).returning();
    await t.db.insert(activitySignup).values({ activityId: act!.id, personId: m.personId, state: 'checked_out', checkedInAt: now, checkedOutAt: now });

    const year = Number(new Date(now.getTime() + 8 * 3600_000).getUTCFullYear());
    const records = (await api(liaison).get(`/api/workplace/${unitBody.id}/records?year=${year}`)).json();
    const li = records.members.find((x: { name: string }) => x.name === '李服务');
    expect(li).toMatchObject({ points: 50, registration: { state: 'confirmed' }, activities: [expect.objectContaining({ title: '垃圾分类宣传', state: 'checked_out' })] });
    expect(li.entries).toEqual([expect.objectContaining({ ruleCode: 'registration', points: 50, sourceType: 'member_registration', sourceId: reg.id })]);

    const file = await api(liaison).get(`/api/workplace/${unitBody.id}/records.xlsx?year=${year}`);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '积分明细']);
    const summary = wb.getWorksheet('汇总')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(summary).toContainEqual(['李服务', 'A居民区', '已报到', 50, 1]);
    const detail = wb.getWorksheet('积分明细')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(detail.some((r) => r[0] === '李服务' && r[2] === '双报到' && r[3] === 50)).toBe(true);

    const otherLiaison = await accountFor(t, 'unit_liaison', f.a.building, 'liaison-elsewhere');
    expect((await api(otherLiaison).get(`/api/workplace/${unitBody.id}/records`)).statusCode).toBe(404);
  });
});

describe('unit registration', () => {
  it('a unit registers with its street with commitments; the street confirms; a community secretary cannot decide a street registration', async () => {
    const res = await api(liaison).post('/api/unit-registrations', { bodyId: unitBody.id, territoryId: f.b.street.id, commitments: '每季度开放会议室两次' });
    expect(res.statusCode).toBe(201);
    const reg = res.json();
    expect(reg).toMatchObject({ state: 'pending', body: { id: unitBody.id }, territory: { id: f.b.street.id }, commitments: '每季度开放会议室两次' });
    expect((await api(liaison).post('/api/unit-registrations', { bodyId: unitBody.id, territoryId: f.b.street.id, commitments: '再来一次' })).statusCode).toBe(409);
    expect((await api(secretaryB).post(`/api/unit-registrations/${reg.id}/confirm`)).statusCode).toBe(404);
    const streetB = await accountFor(t, 'street_admin', f.b.street, 'street-b');
    const returned = await api(streetB).post(`/api/unit-registrations/${reg.id}/return`, { reason: '请写明开放时间' });
    expect(returned.json()).toMatchObject({ state: 'returned', reason: '请写明开放时间' });
    const again = (await api(liaison).post('/api/unit-registrations', { bodyId: unitBody.id, territoryId: f.b.street.id, commitments: '每季度第一个周六开放会议室' })).json();
    expect((await api(streetB).post(`/api/unit-registrations/${again.id}/confirm`)).json().state).toBe('confirmed');
    const list = (await api(liaison).get('/api/unit-registrations')).json();
    expect(list.items.map((i: { state: string }) => i.state).sort()).toEqual(['confirmed', 'returned']);
    expect((await api(streetA).get('/api/unit-registrations')).json().items).toEqual([]);
  });
});

describe("the liaison's units", () => {
  it('lists the party bodies in reach the liaison belongs to, each with its community and street, nearest first', async () => {
    const unitNode = await makeNode(t.db, f.b.community, 'building', '某银行网点');
    const branch = await makeBody(t.db, unitNode, 'party_branch', '某银行网点党支部');
    const company = await makeBody(t.db, unitNode, 'resident_unit', '某银行网点');
    const elsewhere = await makeBody(t.db, f.a.community, 'party_branch', '别处党支部');
    const stranger = await makeBody(t.db, unitNode, 'party_group', '未参加的党小组');
    const p = await makePerson(t.db, t.pii, unitNode, { name: '联络员' });
    for (const b of [branch, company, elsewhere]) await makeMember(t.db, b.id, p.id, 'liaison');
    const mine = await accountFor(t, 'unit_liaison', unitNode, 'liaison-bank', p.id);
    const res = await api(mine).get('/api/unit-registrations/units');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([{
      body: { id: branch.id, name: '某银行网点党支部', kind: 'party_branch' },
      targets: [
        { id: f.b.community.id, name: f.b.community.name, kind: f.b.community.kind },
        { id: f.b.street.id, name: f.b.street.name, kind: f.b.street.kind },
      ],
    }]);
    expect(res.json().items.map((i: { body: { id: string } }) => i.body.id)).not.toContain(stranger.id);
    expect((await api(liaison).get('/api/unit-registrations/units')).json().items).toEqual([]);
    expect((await api(secretaryB).get('/api/unit-registrations/units')).statusCode).toBe(403);
  });
});

describe('street and district figures', () => {
  it('counts members living, registered and active per child node, with rates', async () => {
    const district = await accountFor(t, 'district_admin', f.district);
    const before = (await api(streetA).get(`/api/registrations/stats?territoryId=${f.a.street.id}`)).json();
    const rowA = before.rows.find((r: { node: { id: string } }) => r.node.id === f.a.community.id);
    const idle = await newMember();
    await makePerson(t.db, t.pii, f.a.building, { isPartyMember: true });
    const reg = (await api(idle).post('/api/registrations', { workplaceOrgName: '某单位' })).json();
    // Confirmed directly, without the points a confirmation brings: registered, yet not active.
    await t.db.update(memberRegistration).set({ state: 'confirmed' }).where(eq(memberRegistration.id, reg.id));
    const after = (await api(streetA).get(`/api/registrations/stats?territoryId=${f.a.street.id}`)).json();
    const rowA2 = after.rows.find((r: { node: { id: string } }) => r.node.id === f.a.community.id);
    expect(rowA2.partyMembers).toBe(rowA.partyMembers + 2);
    expect(rowA2.registered).toBe(rowA.registered + 1);
    expect(rowA2.activeMonth).toBe(rowA.activeMonth);
    expect(rowA2.registeredRate).toBeCloseTo(rowA2.registered / rowA2.partyMembers, 3);
    expect(rowA2.activeQuarterRate).toBeCloseTo(rowA2.activeQuarter / rowA2.registered, 3);
    expect(after.month).toMatch(/^\d{4}-\d{2}$/);

    const streets = (await api(district).get(`/api/registrations/stats?territoryId=${f.district.id}`)).json();
    expect(streets.rows.map((r: { node: { id: string } }) => r.node.id)).toEqual([f.a.street.id, f.b.street.id]);
    const a = streets.rows[0];
    expect(a.registered).toBe(rowA2.registered);
    expect(a.activeMonth).toBeGreaterThanOrEqual(2);
    expect((await api(streetA).get(`/api/registrations/stats?territoryId=${f.b.street.id}`)).statusCode).toBe(404);
  });
});

describe('records of another community', () => {
  /** Answers as if the record did not exist, so an id from elsewhere confirms nothing. */
  const expectNotFound = (res: { statusCode: number; headers: Record<string, unknown>; json: () => { code: string } }) => {
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('notFound');
  };

  it("answers 404, not 403, to a secretary reaching a registration, node or unit registration of another street", async () => {
    const regB = await pendingRegistration(t, f.b);
    expectNotFound(await api(secretaryA).post(`/api/registrations/${regB}/confirm`));
    expectNotFound(await api(secretaryA).post(`/api/registrations/${regB}/return`, { reason: '不在本社区' }));
    expectNotFound(await api(secretaryA).get(`/api/registrations?territoryId=${f.b.community.id}`));
    expectNotFound(await api(secretaryA).get(`/api/registrations/stats?territoryId=${f.b.community.id}`));
    expectNotFound(await api(secretaryA).get(`/api/unit-registrations?territoryId=${f.b.community.id}`));
    expectNotFound(await api(secretaryA).post(`/api/unit-registrations/${await pendingUnitRegistration(t, f.b, f.b.community)}/confirm`));
    const member = await newMember();
    expectNotFound(await api(member).post('/api/registrations', { communityId: f.b.community.id, workplaceOrgName: '区外某公司党委' }));
    const [still] = await t.db.select().from(memberRegistration).where(eq(memberRegistration.id, regB));
    expect(still!.state).toBe('pending');
  });

  it('still answers 403 where the record is in sight but the role may not act on it', async () => {
    const regA = await pendingRegistration(t, f.a);
    const res = await api(streetA).post(`/api/registrations/${regA}/confirm`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });
});
