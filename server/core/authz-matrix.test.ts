/**
 * The authorization matrix: every API route × every role × inside / outside the role's granted
 * subtree, checked against the declared policy. A route added without a case here fails the suite.
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, grant, roles } from '../db/schema/accounts.ts';
import { importReport } from '../db/schema/audit.ts';
import { bodyMember } from '../db/schema/bodies.ts';
import { memberRegistration } from '../db/schema/members.ts';
import { type Node, makeAccount, makeNode, makePerson } from '../demo/factories.ts';
import { makeActivity, makeService, makeSignup, makeWish } from '../demo/member-factories.ts';
import { idNumber } from '../demo/random.ts';
import { currentCode } from '../modules/activities/rules.ts';
import { storeFile } from './files.ts';
import { TINY_PNG, givePointsRules, photoUpload } from '../test/members.ts';
import { ensureDefaultRules } from '../modules/points/default-rules.ts';
import { TEST_PASSWORD, type TestContext, createTestContext } from '../test/harness.ts';
import { endUnitRegistrations, freshEntry, pendingRegistration, pendingUnitRegistration } from '../test/member-fixtures.ts';
import { type RoleAccount, type Street, type TwoStreets, makeRoleAccounts, makeTwoStreets, sessionFor } from '../test/two-streets.ts';
import { allPermissions, rolesFor } from './policy.ts';
import { type Case, type Fixture, type Probe, both } from '../test/authz.ts';
import { moduleCases, modulePublicRoutes } from '../test/authz-cases.ts';
import { ensureDefaultCategories } from '../modules/demands/default-categories.ts';

const csv = { 'content-type': 'text/csv' };
const inHoursDate = (h: number) => new Date(Date.now() + h * 3_600_000);
const inHours = (h: number) => inHoursDate(h).toISOString();

/** A membership of its own for each request, so ending one always has one to end. */
async function freshMember(f: Fixture, s: Street) {
  const p = await makePerson(f.t.db, f.t.pii, s.building);
  const [m] = await f.t.db.insert(bodyMember).values({ bodyId: s.group.id, personId: p.id, position: 'member' }).returning();
  return m!.id;
}

async function freshGrant(f: Fixture, s: Street) {
  const [g] = await f.t.db.insert(grant).values({ accountId: f.target.accountId, role: 'resident', territoryId: s.building.id }).returning();
  return g!.id;
}

/** An .xlsx roster in the template's columns, as a multipart upload. */
async function rosterUpload(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(['姓名', '身份证号', '手机号', '所属节点编码', '楼栋', '房号', '与户主关系']);
  for (const [name, id, code, room] of rows) ws.addRow([name, id, null, code, null, room, '户主']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = '----gongzhi-matrix';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The error report of a refused import, kept for the account that imported. */
async function importReportOf(f: Fixture, accountId: string) {
  const [r] = await f.t.db.insert(importReport).values({ accountId, kind: 'people', errors: [{ row: 2, column: '姓名', message: '此项必填。' }] }).returning();
  return r!.id;
}

const cases: Record<string, Case> = {
  ...moduleCases,
  // auth: any logged-in account, no territory
  'POST /api/auth/logout': { inside: () => ({ method: 'POST', url: '/api/auth/logout', fresh: true }) },
  'GET /api/auth/session': { inside: () => ({ method: 'GET', url: '/api/auth/session' }) },
  'POST /api/auth/password': {
    inside: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'not-mine', newPassword: 'Another-2026' }, allowed: [422] }),
  },
  'POST /api/auth/totp/setup': { inside: () => ({ method: 'POST', url: '/api/auth/totp/setup' }) },
  'POST /api/auth/totp/enable': { inside: () => ({ method: 'POST', url: '/api/auth/totp/enable', payload: { code: '000000' }, allowed: [422] }) },
  'GET /api/me': { inside: () => ({ method: 'GET', url: '/api/me' }) },

  // territory
  'GET /api/territories/roots': {
    inside: () => ({ method: 'GET', url: '/api/territories/roots' }),
    outside: (f) => ({ method: 'GET', url: '/api/territories/roots', at: f.b.street, hides: [f.b.street.id] }),
  },
  'GET /api/territories': both((s) => ({ method: 'GET', url: `/api/territories?code=${s.building.code}`, at: s.building, hides: [s.building.id] })),
  'GET /api/territories/:id': both((s) => ({ method: 'GET', url: `/api/territories/${s.building.id}`, at: s.building })),
  'GET /api/territories/:id/children': both((s) => ({ method: 'GET', url: `/api/territories/${s.building.id}/children`, at: s.building })),
  'POST /api/territories': both((s, f) => ({
    method: 'POST', url: '/api/territories', payload: { parentId: s.grid.id, name: `新楼${f.n()}`, kind: 'building' }, at: s.grid,
  })),
  'PATCH /api/territories/:id': both((s) => ({ method: 'PATCH', url: `/api/territories/${s.building.id}`, payload: { name: s.building.name }, at: s.building })),
  'POST /api/territories/:id/move': both((s) => ({
    method: 'POST', url: `/api/territories/${s.building.id}/move`, payload: { parentId: s.grid.id }, at: s.building,
  })),
  'POST /api/territories/:id/retire': both(async (s, f) => {
    const n = await makeNode(f.t.db, s.grid, 'building', `待撤销${f.n()}`);
    return { method: 'POST', url: `/api/territories/${n.id}/retire`, at: n };
  }),
  'POST /api/territories/import': both((s) => ({
    method: 'POST', url: '/api/territories/import', headers: csv, at: s.building,
    payload: `code,name,level,parent_code\n${s.building.code},${s.building.name},building,${s.grid.code}\n`,
  })),
  'GET /api/stats/overview': both((s) => ({ method: 'GET', url: `/api/stats/overview?territoryId=${s.grid.id}`, at: s.grid })),

  // bodies
  'GET /api/bodies': {
    inside: (f) => ({ method: 'GET', url: `/api/bodies?territoryId=${f.a.building.id}` }),
    outside: (f) => ({ method: 'GET', url: '/api/bodies', at: f.b.street, hides: [f.b.group.id, f.b.branch.id] }),
  },
  'GET /api/bodies/:id': both((s) => ({ method: 'GET', url: `/api/bodies/${s.group.id}`, at: s.building })),
  'POST /api/bodies': both((s, f) => ({
    method: 'POST', url: '/api/bodies', payload: { territoryId: s.building.id, name: `业委会${f.n()}`, kind: 'owners_committee' }, at: s.building,
  })),
  'PATCH /api/bodies/:id': both((s) => ({ method: 'PATCH', url: `/api/bodies/${s.group.id}`, payload: { name: s.group.name }, at: s.building })),
  'POST /api/bodies/:id/members': both(async (s, f) => {
    const p = await makePerson(f.t.db, f.t.pii, s.building);
    return { method: 'POST', url: `/api/bodies/${s.group.id}/members`, payload: { personId: p.id, position: 'member' }, at: s.building };
  }),
  'DELETE /api/bodies/:id/members/:memberId': both(async (s, f) => ({
    method: 'DELETE', url: `/api/bodies/${s.group.id}/members/${await freshMember(f, s)}`, at: s.building,
  })),

  // people
  'GET /api/people': {
    inside: (f) => ({ method: 'GET', url: `/api/people?territoryId=${f.a.building.id}` }),
    outside: (f) => ({ method: 'GET', url: '/api/people', at: f.b.street, hides: [f.b.person.id] }),
  },
  'GET /api/people/:id': both((s) => ({ method: 'GET', url: `/api/people/${s.person.id}`, at: s.building })),
  'POST /api/people/:id/reveal': both((s) => ({ method: 'POST', url: `/api/people/${s.person.id}/reveal`, at: s.building })),
  'POST /api/people': both((s, f) => ({
    method: 'POST', url: '/api/people', at: s.building,
    payload: { name: '新居民', idNumber: idNumber(900_000 + f.n(), 'female'), territoryId: s.building.id, room: '102' },
  })),
  'PATCH /api/people/:id': both((s) => ({ method: 'PATCH', url: `/api/people/${s.person.id}`, payload: { name: s.person.name }, at: s.building })),
  'GET /api/households': both((s) => ({ method: 'GET', url: `/api/households?territoryId=${s.building.id}`, at: s.building })),
  'GET /api/people/import-template.xlsx': { inside: () => ({ method: 'GET', url: '/api/people/import-template.xlsx?kind=people' }) },
  'POST /api/people/import': both(async (s, f) => ({
    method: 'POST', url: '/api/people/import?kind=people', at: s.building, denied: [422],
    ...(await rosterUpload([['新居民', idNumber(900_000 + f.n(), 'male'), s.building.code!, '201']])),
  })),
  'GET /api/imports/:reportId/report.xlsx': {
    inside: async (f, as) => ({ method: 'GET', url: `/api/imports/${await importReportOf(f, as.accountId)}/report.xlsx` }),
  },
  'GET /api/people/export.xlsx': both((s) => ({ method: 'GET', url: `/api/people/export.xlsx?territoryId=${s.building.id}`, at: s.building })),

  // accounts and grants: the secadmin's, granted on nodes
  'GET /api/accounts': { inside: () => ({ method: 'GET', url: '/api/accounts' }) },
  'POST /api/accounts': { inside: (f) => ({ method: 'POST', url: '/api/accounts', payload: { username: `new-${f.n()}`, displayName: '新账号' } }) },
  'PATCH /api/accounts/:id': { inside: (f) => ({ method: 'PATCH', url: `/api/accounts/${f.target.accountId}`, payload: { displayName: '目标账号' } }) },
  'POST /api/accounts/:id/reset-password': { inside: (f) => ({ method: 'POST', url: `/api/accounts/${f.target.accountId}/reset-password` }) },
  'POST /api/accounts/:id/unlock': { inside: (f) => ({ method: 'POST', url: `/api/accounts/${f.target.accountId}/unlock` }) },
  'POST /api/grants': both((s, f) => ({
    method: 'POST', url: '/api/grants', payload: { accountId: f.target.accountId, role: 'resident', territoryId: s.building.id }, at: s.building,
  })),
  'DELETE /api/grants/:id': both(async (s, f) => ({ method: 'DELETE', url: `/api/grants/${await freshGrant(f, s)}`, at: s.building })),

  // dual registration and unit registration
  'GET /api/registrations/mine': { inside: () => ({ method: 'GET', url: '/api/registrations/mine' }) },
  'POST /api/registrations': both(async (s, f, as) => {
    if (as.personId) await f.t.db.update(memberRegistration).set({ state: 'withdrawn' }).where(eq(memberRegistration.personId, as.personId));
    return { method: 'POST', url: '/api/registrations', payload: { communityId: s.community.id, workplaceOrgName: '区外某公司党委' }, at: s.community };
  }),
  'POST /api/registrations/:id/withdraw': {
    inside: async (f, as) => ({ method: 'POST', url: `/api/registrations/${await pendingRegistration(f.t, f.a, as.personId)}/withdraw`, at: f.a.community }),
    outside: async (f) => ({ method: 'POST', url: `/api/registrations/${await pendingRegistration(f.t, f.b)}/withdraw`, at: f.b.community }),
  },
  'GET /api/workplace-orgs': { inside: () => ({ method: 'GET', url: '/api/workplace-orgs?q=党' }) },
  'GET /api/registrations': {
    inside: (f) => ({ method: 'GET', url: `/api/registrations?territoryId=${f.a.community.id}` }),
    outside: async (f) => ({ method: 'GET', url: '/api/registrations', at: f.b.community, hides: [await pendingRegistration(f.t, f.b)] }),
  },
  'GET /api/registrations/roster.xlsx': both((s) => ({ method: 'GET', url: `/api/registrations/roster.xlsx?territoryId=${s.community.id}`, at: s.community })),
  'POST /api/registrations/:id/confirm': both(async (s, f) => {
    await ensureDefaultRules(f.t.db, f.district.id);
    return { method: 'POST', url: `/api/registrations/${await pendingRegistration(f.t, s)}/confirm`, at: s.community };
  }),
  'POST /api/registrations/:id/return': both(async (s, f) => ({
    method: 'POST', url: `/api/registrations/${await pendingRegistration(f.t, s)}/return`, payload: { reason: '住址与户籍不符' }, at: s.community,
  })),
  'GET /api/registrations/stats': both((s) => ({ method: 'GET', url: `/api/registrations/stats?territoryId=${s.community.id}`, at: s.community })),
  'GET /api/workplace/:bodyId/records': both((s) => ({ method: 'GET', url: `/api/workplace/${s.branch.id}/records?year=2026`, at: s.community })),
  'GET /api/workplace/:bodyId/records.xlsx': both((s) => ({ method: 'GET', url: `/api/workplace/${s.branch.id}/records.xlsx?year=2026`, at: s.community })),
  'GET /api/unit-registrations': {
    inside: () => ({ method: 'GET', url: '/api/unit-registrations' }),
    outside: async (f) => ({ method: 'GET', url: '/api/unit-registrations', at: f.b.community, hides: [await pendingUnitRegistration(f.t, f.b, f.b.community)] }),
  },
  'GET /api/unit-registrations/units': { inside: () => ({ method: 'GET', url: '/api/unit-registrations/units' }) },
  'POST /api/unit-registrations': both(async (s, f) => {
    await endUnitRegistrations(f.t, s.branch.id);
    return { method: 'POST', url: '/api/unit-registrations', payload: { bodyId: s.branch.id, territoryId: s.street.id, commitments: '提供场地' }, at: s.community };
  }),
  'POST /api/unit-registrations/:id/withdraw': both(async (s, f) => ({
    method: 'POST', url: `/api/unit-registrations/${await pendingUnitRegistration(f.t, s, s.street)}/withdraw`, at: s.community,
  })),
  'POST /api/unit-registrations/:id/confirm': both(async (s, f) => ({
    method: 'POST', url: `/api/unit-registrations/${await pendingUnitRegistration(f.t, s, s.community)}/confirm`, at: s.community,
  })),
  'POST /api/unit-registrations/:id/return': both(async (s, f) => ({
    method: 'POST', url: `/api/unit-registrations/${await pendingUnitRegistration(f.t, s, s.community)}/return`, payload: { reason: '承诺内容过于笼统' }, at: s.community,
  })),

  // points
  'GET /api/points/rules': { inside: async (f) => (await ensureDefaultRules(f.t.db, f.district.id), { method: 'GET', url: '/api/points/rules' }) },
  'PUT /api/points/rules/:code': {
    inside: (f) => ({ method: 'PUT', url: '/api/points/rules/activity', payload: { districtId: f.district.id, points: 5, monthlyCap: null, expiry: 'none' } }),
  },
  'GET /api/points/rankings': both((s) => ({ method: 'GET', url: `/api/points/rankings?territoryId=${s.community.id}&period=all`, at: s.community })),
  'GET /api/points/me': { inside: () => ({ method: 'GET', url: '/api/points/me' }) },
  'GET /api/points/me/history': { inside: () => ({ method: 'GET', url: '/api/points/me/history' }) },
  'GET /api/points/entries': {
    inside: (f) => ({ method: 'GET', url: `/api/points/entries?personId=${f.a.person.id}` }),
    outside: async (f) => {
      await freshEntry(f.t, f.district, f.b.person.id);
      return { method: 'GET', url: `/api/points/entries?personId=${f.b.person.id}`, at: f.b.community, hides: [f.b.person.id] };
    },
  },
  'POST /api/points/entries/:id/reverse': both(async (s, f) => ({
    method: 'POST', url: `/api/points/entries/${await freshEntry(f.t, f.district, s.person.id)}/reverse`, payload: { note: '重复录入' }, at: s.community,
  })),
  'GET /api/points/commendations': both((s) => ({ method: 'GET', url: `/api/points/commendations?territoryId=${s.community.id}&period=2026`, at: s.community })),
  'POST /api/points/commendations': both((s) => ({ method: 'POST', url: '/api/points/commendations', payload: { territoryId: s.community.id, period: '2026' }, at: s.community })),

  // audit and system
  'GET /api/audit': both((s) => ({ method: 'GET', url: `/api/audit?territoryId=${s.building.id}`, at: s.building })),
  'GET /api/audit/verify': { inside: () => ({ method: 'GET', url: '/api/audit/verify' }) },
  'GET /api/system': { inside: () => ({ method: 'GET', url: '/api/system' }) },

  // service catalogue and activities: staff of the community publish, members of the street join
  'GET /api/services': {
    inside: (f) => ({ method: 'GET', url: `/api/services?territoryId=${f.a.community.id}` }),
    outside: async (f) => ({ method: 'GET', url: '/api/services', at: f.b.street, hides: [(await makeService(f.t.db, f.b.community)).id] }),
  },
  'POST /api/services': both((s, f) => ({
    method: 'POST', url: '/api/services', payload: { territoryId: s.community.id, category: '其他', title: `服务${f.n()}` }, at: s.community,
  })),
  'PATCH /api/services/:id': both(async (s, f) => ({
    method: 'PATCH', url: `/api/services/${(await makeService(f.t.db, s.community)).id}`, payload: { title: '法律咨询' }, at: s.community,
  })),
  'GET /api/activities': {
    inside: (f) => ({ method: 'GET', url: `/api/activities?territoryId=${f.a.community.id}` }),
    outside: async (f) => ({ method: 'GET', url: '/api/activities', at: f.b.street, hides: [(await makeActivity(f.t.db, f.b.community)).id] }),
  },
  'GET /api/activities/:id': both(async (s, f) => ({ method: 'GET', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}`, at: s.community })),
  'POST /api/activities': both((s) => ({
    method: 'POST', url: '/api/activities', at: s.community,
    payload: { territoryId: s.community.id, kind: 'volunteer', title: '清洁家园', startsAt: inHours(24), endsAt: inHours(26), capacity: 10 },
  })),
  'PATCH /api/activities/:id': both(async (s, f) => ({
    method: 'PATCH', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}`, payload: { place: '活动室' }, at: s.community,
  })),
  'POST /api/activities/:id/cancel': both(async (s, f) => ({ method: 'POST', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}/cancel`, at: s.community })),
  'POST /api/activities/:id/signup': both(async (s, f) => ({ method: 'POST', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}/signup`, at: s.community })),
  'DELETE /api/activities/:id/signup': both(async (s, f, as) => {
    const a = await makeActivity(f.t.db, s.community);
    if (as.personId) await makeSignup(f.t.db, a.id, as.personId);
    return { method: 'DELETE', url: `/api/activities/${a.id}/signup`, at: s.community };
  }),
  'GET /api/me/signups': { inside: () => ({ method: 'GET', url: '/api/me/signups' }) },
  'GET /api/activities/:id/qr': both(async (s, f) => ({ method: 'GET', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}/qr`, at: s.community })),
  'POST /api/activities/:id/checkin': both(async (s, f, as) => {
    const a = await makeActivity(f.t.db, s.community, { startsAt: inHoursDate(-0.5) });
    if (as.personId) await makeSignup(f.t.db, a.id, as.personId);
    return { method: 'POST', url: `/api/activities/${a.id}/checkin`, payload: { code: currentCode(a.qrSecret, a.id, Date.now()).code }, at: s.community };
  }),
  'POST /api/activities/:id/checkout': both(async (s, f, as) => {
    const a = await makeActivity(f.t.db, s.community, { startsAt: inHoursDate(-1) });
    if (as.personId) await makeSignup(f.t.db, a.id, as.personId, { state: 'checked_in', checkedInAt: inHoursDate(-1) });
    return { method: 'POST', url: `/api/activities/${a.id}/checkout`, payload: { code: currentCode(a.qrSecret, a.id, Date.now()).code }, at: s.community };
  }),
  'GET /api/activities/:id/signups': both(async (s, f) => ({ method: 'GET', url: `/api/activities/${(await makeActivity(f.t.db, s.community)).id}/signups`, at: s.community })),
  'POST /api/activities/:id/signups/:personId/checkin': both(async (s, f) => {
    const a = await makeActivity(f.t.db, s.community);
    await makeSignup(f.t.db, a.id, s.person.id);
    return { method: 'POST', url: `/api/activities/${a.id}/signups/${s.person.id}/checkin`, at: s.community };
  }),
  'POST /api/activities/:id/signups/:personId/checkout': both(async (s, f) => {
    const a = await makeActivity(f.t.db, s.community, { startsAt: inHoursDate(-2) });
    await makeSignup(f.t.db, a.id, s.person.id, { state: 'checked_in', checkedInAt: inHoursDate(-2) });
    return { method: 'POST', url: `/api/activities/${a.id}/signups/${s.person.id}/checkout`, at: s.community };
  }),
  'GET /api/activities/active': both((s) => ({ method: 'GET', url: `/api/activities/active?territoryId=${s.community.id}`, at: s.community })),

  // micro-wishes: a resident's own, the community reviews, members of the street claim
  'GET /api/wishes': {
    inside: () => ({ method: 'GET', url: '/api/wishes' }),
    outside: async (f) => ({ method: 'GET', url: '/api/wishes', at: f.b.street, hides: [(await makeWish(f.t.db, f.b.person)).id] }),
  },
  'GET /api/wishes/:id': both(async (s, f) => ({ method: 'GET', url: `/api/wishes/${(await makeWish(f.t.db, s.person)).id}`, at: s.building })),
  'POST /api/wishes': both((s) => ({ method: 'POST', url: '/api/wishes', payload: { title: '想学用智能手机', residentId: s.person.id }, at: s.building })),
  'POST /api/wishes/:id/approve': both(async (s, f) => ({
    method: 'POST', url: `/api/wishes/${(await makeWish(f.t.db, s.person, { state: 'pending_review' })).id}/approve`, at: s.building,
  })),
  'POST /api/wishes/:id/reject': both(async (s, f) => ({
    method: 'POST', url: `/api/wishes/${(await makeWish(f.t.db, s.person, { state: 'pending_review' })).id}/reject`, payload: { reason: '请联系物业报修' }, at: s.building,
  })),
  'POST /api/wishes/:id/claim': both(async (s, f) => ({ method: 'POST', url: `/api/wishes/${(await makeWish(f.t.db, s.person)).id}/claim`, at: s.building })),
  'POST /api/wishes/:id/fulfil': both(async (s, f, as) => {
    const w = await makeWish(f.t.db, s.person, { state: 'claimed', claimedBy: as.personId ?? s.person.id, claimedAt: new Date(), claimExpiresAt: inHoursDate(24) });
    return { method: 'POST', url: `/api/wishes/${w.id}/fulfil`, at: s.building, ...photoUpload(TINY_PNG) };
  }),
  'POST /api/wishes/:id/confirm': both(async (s, f) => {
    const claimer = await makePerson(f.t.db, f.t.pii, s.building, { isPartyMember: true });
    const w = await makeWish(f.t.db, s.person, { state: 'fulfilled', claimedBy: claimer.id, claimedAt: new Date(), fulfilledAt: new Date() });
    return { method: 'POST', url: `/api/wishes/${w.id}/confirm`, at: s.building };
  }),
  'GET /api/wishes/:id/photo': both(async (s, f, as) => {
    const photo = await storeFile(f.t.config.GONGZHI_DATA_DIR, TINY_PNG, 'png');
    const w = await makeWish(f.t.db, s.person, { state: 'fulfilled', claimedBy: as.personId ?? s.person.id, claimedAt: new Date(), fulfilledAt: new Date(), photoPath: photo });
    return { method: 'GET', url: `/api/wishes/${w.id}/photo`, at: s.building };
  }),
};

const PUBLIC = new Set(['POST /api/auth/login', 'GET /api/health', 'GET /api/openapi.json', ...modulePublicRoutes]);

let t: TestContext;
let f: Fixture;
let accounts: Record<Role, RoleAccount>;

beforeAll(async () => {
  t = await createTestContext();
  const streets = await makeTwoStreets(t);
  const target = await makeAccount(t.db, { username: 'target', password: TEST_PASSWORD });
  let counter = 0;
  f = { ...streets, t, target: { accountId: target.id }, n: () => ++counter };
  accounts = await makeRoleAccounts(t, f);
  await givePointsRules(t.db, f.district.id);
  await ensureDefaultCategories(t.db, f.district.id);
});
afterAll(() => t.close());

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const routeOf = (key: string) => t.app.routeTable.find((r) => routeKey(r) === key);

async function send(probe: Probe, as: RoleAccount | null) {
  const session = as && (probe.fresh ? await sessionFor(t, as.accountId) : as.session);
  const headers = { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), ...probe.headers };
  return t.app.inject({ method: probe.method, url: probe.url, headers, ...(probe.payload === undefined ? {} : { payload: probe.payload as string }) });
}

type Expectation = 'allowed' | 'forbidden' | 'outside' | 'filtered';

/** What the declared policy says this role should get for this probe. */
function expectationFor(permission: string, role: RoleAccount, probe: Probe): Expectation {
  if (permission !== 'authenticated' && !rolesFor(permission).has(role.role)) return 'forbidden';
  if (!probe.at || probe.at.path.startsWith(role.node.path)) return 'allowed';
  return probe.hides ? 'filtered' : 'outside';
}

function check(expectation: Expectation, probe: Probe, res: { statusCode: number; body: string }): string | null {
  const s = res.statusCode;
  const ok = {
    allowed: () => (probe.allowed ? probe.allowed.includes(s) : s >= 200 && s < 300),
    forbidden: () => s === 403 && JSON.parse(res.body).code === 'forbidden',
    outside: () => (probe.denied ?? [403, 404]).includes(s),
    filtered: () => s === 200 && !probe.hides!.some((id) => res.body.includes(id)),
  }[expectation]();
  return ok ? null : `expected ${expectation}, got ${s} ${res.body.slice(0, 160)}`;
}

describe('the route table', () => {
  it('gives every API route a permission and a case in this matrix, and no case lacks its route', () => {
    const api = t.app.routeTable.filter((r) => !PUBLIC.has(routeKey(r)));
    const known = new Set(['public', 'authenticated', ...allPermissions()]);
    expect(t.app.routeTable.filter((r) => !r.permission || !known.has(r.permission)).map(routeKey)).toEqual([]);
    expect(t.app.routeTable.filter((r) => r.permission === 'public').map(routeKey).sort()).toEqual([...PUBLIC].sort());
    expect(api.map(routeKey).filter((k) => !(k in cases))).toEqual([]);
    expect(Object.keys(cases).filter((k) => !routeOf(k))).toEqual([]);
  });
});

describe('route × role × inside/outside', () => {
  for (const [key, c] of Object.entries(cases)) {
    it(key, async () => {
      const route = routeOf(key);
      expect(route, `no route ${key}`).toBeDefined();
      const permission = route!.permission!;
      const failures: string[] = [];
      for (const role of roles) {
        const account = accounts[role];
        for (const [where, build] of [['inside', c.inside], ['outside', c.outside]] as const) {
          if (!build) continue;
          const probe = await build(f, account);
          const expectation = expectationFor(permission, account, probe);
          const problem = check(expectation, probe, await send(probe, account));
          if (problem) failures.push(`${role} ${where}: ${problem}`);
        }
      }
      const anonymous = await send(await c.inside(f, accounts.district_admin), null);
      if (anonymous.statusCode !== 401) failures.push(`logged out: expected 401, got ${anonymous.statusCode}`);
      expect(failures).toEqual([]);
    });
  }

  it('lets every role with the permission in, inside its subtree, for each scoped route', async () => {
    // Guards the matrix itself: an inside target placed outside every grant would test nothing.
    for (const [key, c] of Object.entries(cases)) {
      const probe = await c.inside(f, accounts.district_admin);
      const permission = routeOf(key)!.permission!;
      const holders = permission === 'authenticated' ? [...roles] : [...rolesFor(permission)];
      const coveredNowhere = holders.filter((r) => probe.at && !probe.at.path.startsWith(accounts[r].node.path));
      expect(coveredNowhere, key).toEqual([]);
    }
  });
});

describe('separation of duties, by hand', () => {
  const get = (role: Role, url: string) => send({ method: 'GET', url }, accounts[role]);

  it('keeps the security administrator out of people and bodies', async () => {
    expect((await get('secadmin', '/api/people')).statusCode).toBe(403);
    expect((await get('secadmin', `/api/people/${f.a.person.id}`)).statusCode).toBe(403);
    expect((await get('secadmin', '/api/bodies')).statusCode).toBe(403);
    expect((await get('secadmin', `/api/bodies/${f.a.group.id}`)).statusCode).toBe(403);
  });

  it('lets the auditor read the audit log and the tree, and nothing else', async () => {
    const held = allPermissions().filter((p) => rolesFor(p).has('auditor'));
    expect(held.sort()).toEqual(['audit.read', 'territory.read']);
    expect((await get('auditor', '/api/audit')).statusCode).toBe(200);
    expect((await get('auditor', `/api/territories/${f.a.building.id}`)).statusCode).toBe(200);
    for (const url of ['/api/people', '/api/bodies', '/api/accounts', '/api/system', `/api/stats/overview?territoryId=${f.a.grid.id}`]) {
      expect((await get('auditor', url)).statusCode, url).toBe(403);
    }
  });

  it('keeps the system administrator out of people', async () => {
    expect((await get('sysadmin', '/api/people')).statusCode).toBe(403);
    expect((await get('sysadmin', `/api/people/${f.b.person.id}`)).statusCode).toBe(403);
    expect((await get('sysadmin', `/api/households?territoryId=${f.a.building.id}`)).statusCode).toBe(403);
  });

  it('does not let a street administrator of A open a person of B', async () => {
    const res = await get('street_admin', `/api/people/${f.b.person.id}`);
    expect([403, 404]).toContain(res.statusCode);
    expect(res.body).not.toContain(f.b.person.name);
    expect((await get('street_admin', `/api/people/${f.a.person.id}`)).statusCode).toBe(200);
  });
});
