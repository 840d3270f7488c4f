/**
 * The authorization matrix: every API route × every role × inside / outside the role's granted
 * subtree, checked against the declared policy. A route added without a case here fails the suite.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, roles } from '../db/schema/accounts.ts';
import { importReport } from '../db/schema/audit.ts';
import { bodyMember } from '../db/schema/bodies.ts';
import { type Node, makeAccount, makePerson } from '../demo/factories.ts';
import { makeWish } from '../demo/member-factories.ts';
import { idNumber } from '../demo/random.ts';
import { storeFile } from './files.ts';
import { TINY_PNG, givePointsRules, photoUpload } from '../test/members.ts';
import { TEST_PASSWORD, type TestContext, createTestContext } from '../test/harness.ts';
import { type RoleAccount, type Street, type TwoStreets, makeRoleAccounts, makeTwoStreets, sessionFor } from '../test/two-streets.ts';
import { allPermissions, rolesFor } from './policy.ts';
import { type Case, type Fixture, type Probe, both } from '../test/authz.ts';
import { moduleCases, modulePublicRoutes } from '../test/authz-cases.ts';
import { ensureDefaultCategories } from '../modules/demands/default-categories.ts';

const inHoursDate = (h: number) => new Date(Date.now() + h * 3_600_000);

/** A membership of its own for each request, so ending one always has one to end. */
async function freshMember(f: Fixture, s: Street) {
  const p = await makePerson(f.t.db, f.t.pii, s.building);
  const [m] = await f.t.db.insert(bodyMember).values({ bodyId: s.group.id, personId: p.id, position: 'member' }).returning();
  return m!.id;
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

  // system
  'GET /api/system': { inside: () => ({ method: 'GET', url: '/api/system' }) },

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
