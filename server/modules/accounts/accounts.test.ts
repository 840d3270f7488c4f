import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account } from '../../db/schema/accounts.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { makeAccount } from '../../demo/factories.ts';
import { TEST_PASSWORD, type TestContext, as, createTestContext, login } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets, sessionFor } from '../../test/two-streets.ts';

let t: TestContext;
let f: TwoStreets;
let secadmin: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  secadmin = await accountFor(t, 'secadmin', f.district);
});
afterAll(() => t.close());

const sec = () => as(t.app, secadmin.session);
const grantOn = (accountId: string, role: string, territoryId = f.district.id) => sec().post('/api/grants', { accountId, role, territoryId });
const loginRaw = (username: string, password: string, totp?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });

describe('accounts', () => {
  it('creates an account whose one-time password must be changed before any work', async () => {
    const res = await sec().post('/api/accounts', { username: 'wang.grid', displayName: '王网格员' });
    expect(res.statusCode).toBe(201);
    const { account: created, initialPassword } = res.json();
    expect((await grantOn(created.id, 'grid_worker', f.a.grid.id)).statusCode).toBe(201);
    const s = await login(t.app, 'wang.grid', initialPassword);
    expect((await as(t.app, s).get('/api/people')).json().code).toBe('auth.passwordChangeRequired');
    const [record] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(record!.action).toBe('account.create');
    expect(JSON.stringify(record!.after)).not.toMatch(/argon2|passwordHash/);
  });

  it('refuses a username already taken, naming the field', async () => {
    const res = await sec().post('/api/accounts', { username: secadmin.username, displayName: '重名' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'username', code: 'account.usernameTaken' });
  });

  it('lists accounts with their live grants', async () => {
    const items = (await sec().get(`/api/accounts?q=${secadmin.username}`)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0].grants).toEqual([expect.objectContaining({ role: 'secadmin', territoryId: f.district.id })]);
  });

  it('resets a password: the old one stops working, sessions end, and the new one must be changed', async () => {
    const a = await makeAccount(t.db, { username: 'reset-me', password: TEST_PASSWORD, grants: [{ role: 'street_admin', territoryId: f.a.street.id }] });
    const s = await sessionFor(t, a.id);
    const res = await sec().post(`/api/accounts/${a.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { initialPassword } = res.json();
    expect((await as(t.app, s).get('/api/auth/session')).statusCode).toBe(401);
    expect((await loginRaw('reset-me', TEST_PASSWORD)).statusCode).toBe(401);
    const fresh = await login(t.app, 'reset-me', initialPassword);
    expect((await as(t.app, fresh).get('/api/auth/session')).json().account.mustChangePassword).toBe(true);
    expect((await as(t.app, fresh).get(`/api/territories/${f.a.street.id}`)).json().code).toBe('auth.passwordChangeRequired');
  });

  it('unlocks a locked-out account', async () => {
    const a = await makeAccount(t.db, { username: 'locked', password: TEST_PASSWORD });
    await t.db.update(account).set({ lockedUntil: new Date(Date.now() + 15 * 60_000) }).where(eq(account.id, a.id));
    expect((await loginRaw('locked', TEST_PASSWORD)).statusCode).toBe(423);
    expect((await sec().get('/api/accounts?q=locked')).json().items[0].lockedUntil).toBeTruthy();
    expect((await sec().post(`/api/accounts/${a.id}/unlock`)).statusCode).toBe(204);
    expect((await loginRaw('locked', TEST_PASSWORD)).statusCode).toBe(200);
    const [record] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'account.unlock'));
    expect(record!.targetId).toBe(a.id);
  });

  it('disabling an account ends its sessions and refuses its logins', async () => {
    const a = await makeAccount(t.db, { username: 'leaver', password: TEST_PASSWORD, grants: [{ role: 'grid_worker', territoryId: f.a.grid.id }] });
    const s = await sessionFor(t, a.id);
    expect((await as(t.app, s).get('/api/people')).statusCode).toBe(200);
    expect((await sec().patch(`/api/accounts/${a.id}`, { disabled: true })).statusCode).toBe(204);
    expect((await as(t.app, s).get('/api/people')).statusCode).toBe(401);
    expect((await loginRaw('leaver', TEST_PASSWORD)).statusCode).toBe(401);
    const [record] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'account.update'));
    expect(record).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
  });

  it('does not let the security administrator disable themselves', async () => {
    expect((await sec().patch(`/api/accounts/${secadmin.accountId}`, { disabled: true })).statusCode).toBe(422);
    expect((await sec().get('/api/auth/session')).statusCode).toBe(200);
  });
});

describe('grants and the separation of the three administrators (三员分立)', () => {
  it('refuses a grant to oneself', async () => {
    const res = await grantOn(secadmin.accountId, 'district_admin');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'accountId', code: 'grant.selfGrant' });
  });

  it('refuses a second administrator role on one account, in either order', async () => {
    const a = await makeAccount(t.db, { username: 'admin-one', password: TEST_PASSWORD });
    expect((await grantOn(a.id, 'sysadmin')).statusCode).toBe(201);
    for (const role of ['secadmin', 'auditor']) {
      const res = await grantOn(a.id, role);
      expect(res.statusCode, role).toBe(422);
      expect(res.json().errors[0]).toMatchObject({ field: 'role', code: 'grant.adminSeparation' });
    }
    expect((await grantOn(a.id, 'sysadmin', f.a.street.id)).statusCode).toBe(201);
  });

  it('a revoked grant stops working at the next request and cannot revoke one\'s own', async () => {
    const a = await makeAccount(t.db, { username: 'temp-street', password: TEST_PASSWORD });
    const g = (await grantOn(a.id, 'street_admin', f.a.street.id)).json();
    const s = await sessionFor(t, a.id);
    expect((await as(t.app, s).get(`/api/people?territoryId=${f.a.street.id}`)).statusCode).toBe(200);
    expect((await sec().delete(`/api/grants/${g.id}`)).statusCode).toBe(204);
    expect((await as(t.app, s).get(`/api/people?territoryId=${f.a.street.id}`)).statusCode).toBe(403);
    expect((await sec().delete(`/api/grants/${g.id}`)).statusCode).toBe(404);
    const own = (await sec().get(`/api/accounts?q=${secadmin.username}`)).json().items[0].grants[0];
    expect((await sec().delete(`/api/grants/${own.id}`)).statusCode).toBe(422);
  });

  it('keeps a street-level security administrator to granting inside its street', async () => {
    const streetSec = await accountFor(t, 'secadmin', f.a.street, 'street-secadmin');
    const a = await makeAccount(t.db, { username: 'granted-by-street', password: TEST_PASSWORD });
    const grant = (territoryId: string) => as(t.app, streetSec.session).post('/api/grants', { accountId: a.id, role: 'grid_worker', territoryId });
    expect((await grant(f.a.grid.id)).statusCode).toBe(201);
    expect((await grant(f.b.grid.id)).statusCode).toBe(403);
  });

  it('keeps a street-level security administrator away from accounts that act beyond its street', async () => {
    const streetSec = await accountFor(t, 'secadmin', f.a.street, 'street-secadmin-2');
    const mine = await makeAccount(t.db, { username: 'a-worker', password: TEST_PASSWORD, grants: [{ role: 'grid_worker', territoryId: f.a.grid.id }] });
    const above = await makeAccount(t.db, { username: 'd-admin', password: TEST_PASSWORD, grants: [{ role: 'district_admin', territoryId: f.district.id }] });
    const api = as(t.app, streetSec.session);
    const listed = (await api.get('/api/accounts')).json().items.map((a: { username: string }) => a.username);
    expect(listed).toContain('a-worker');
    expect(listed).not.toContain('d-admin');
    expect((await api.post(`/api/accounts/${above.id}/reset-password`)).statusCode).toBe(403);
    expect((await api.patch(`/api/accounts/${above.id}`, { disabled: true })).statusCode).toBe(403);
    expect((await api.post(`/api/accounts/${above.id}/unlock`)).statusCode).toBe(403);
    expect((await loginRaw('d-admin', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await api.post(`/api/accounts/${mine.id}/reset-password`)).statusCode).toBe(200);
  });
});

describe('two-factor authentication', () => {
  it('blocks work until TOTP is enabled when required, then asks for a code at every login', async () => {
    const a = await makeAccount(t.db, { username: 'totp-user', password: TEST_PASSWORD, grants: [{ role: 'community_secretary', territoryId: f.a.community.id }] });
    expect((await sec().patch(`/api/accounts/${a.id}`, { totpRequired: true })).statusCode).toBe(204);
    const s = await login(t.app, 'totp-user', TEST_PASSWORD);
    const me = as(t.app, s);
    const blocked = await me.get('/api/people');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.totpSetupRequired');

    const setup = await me.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    const wrong = await me.post('/api/auth/totp/enable', { code: (await generate({ secret })) === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'code', code: 'auth.totpInvalid' });
    expect((await me.post('/api/auth/totp/enable', { code: await generate({ secret }) })).statusCode).toBe(204);
    expect((await me.get('/api/people')).statusCode).toBe(200);
    expect((await me.post('/api/auth/totp/setup')).statusCode).toBe(409);

    const noCode = await loginRaw('totp-user', TEST_PASSWORD);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('auth.totpRequired');
    const badCode = await loginRaw('totp-user', TEST_PASSWORD, '123456' === (await generate({ secret })) ? '654321' : '123456');
    expect(badCode.json().code).toBe('auth.totpInvalid');
    expect((await loginRaw('totp-user', TEST_PASSWORD, await generate({ secret }))).statusCode).toBe(200);
    const [row] = await t.db.select().from(account).where(eq(account.id, a.id));
    expect(row!.totpSecretEnc).not.toContain(secret);
  });
});
