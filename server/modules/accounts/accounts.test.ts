import { eq } from 'drizzle-orm';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../core/password.ts';
import { createSession } from '../../core/session.ts';
import { migrateDatabase, openDatabase } from '../../db/client.ts';
import { account, grant, session } from '../../db/schema/accounts.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { makeAccount, makeNode } from '../../demo/factories.ts';
import { TEST_PASSWORD, type TestContext, as, createTestContext, login } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets, sessionFor } from '../../test/two-streets.ts';
import { appointAdministratorOnServer } from './actions.ts';

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
    const res = await sec().patch(`/api/accounts/${secadmin.accountId}`, { disabled: true });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('account.adminProtected');
    expect((await sec().get('/api/auth/session')).statusCode).toBe(200);
  });
});

describe('grants and the separation of the three administrators (三员分立)', () => {
  it('refuses a grant to oneself', async () => {
    const res = await grantOn(secadmin.accountId, 'district_admin');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'accountId', code: 'grant.selfGrant' });
  });

  it('grants none of the three administrator roles through the API, to anyone, in either language', async () => {
    const a = await makeAccount(t.db, { username: 'would-be-admin', password: TEST_PASSWORD });
    const streetSec = await accountFor(t, 'secadmin', f.a.street, 'street-secadmin-grants');
    for (const role of ['sysadmin', 'secadmin', 'auditor']) {
      for (const [who, accountId] of [[sec(), a.id], [as(t.app, streetSec.session), a.id], [as(t.app, streetSec.session), streetSec.accountId]] as const) {
        const res = await who.post('/api/grants', { accountId, role, territoryId: f.a.street.id });
        expect(res.statusCode, role).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('grant.adminRoleOnServer');
        expect(res.json().detail).toContain('admin:appoint');
      }
    }
    const en = await t.app.inject({ method: 'POST', url: '/api/grants', payload: { accountId: a.id, role: 'auditor', territoryId: f.district.id },
      headers: { cookie: secadmin.session.cookie, 'x-csrf-token': secadmin.session.csrf, 'accept-language': 'en-US' } });
    expect(en.json().detail).toMatch(/appointed only by the administration script on the server/);
    const zh = await grantOn(a.id, 'auditor');
    expect(zh.json().detail).toMatch(/三员分立.*服务器上的管理脚本任命/);
    expect(await t.db.select().from(grant).where(eq(grant.accountId, a.id))).toEqual([]);
    expect((await sec().get('/api/accounts?q=would-be-admin')).json().items[0]).toMatchObject({ administrator: false, grants: [] });
  });

  it('creates no account holding an administrator role, whatever the request carries', async () => {
    const res = await sec().post('/api/accounts', { username: 'smuggled', displayName: '夹带', role: 'auditor', grants: [{ role: 'sysadmin', territoryId: f.district.id }] });
    expect(res.statusCode).toBe(201);
    expect(await t.db.select().from(grant).where(eq(grant.accountId, res.json().account.id))).toEqual([]);
    expect((await sec().get('/api/accounts?q=smuggled')).json().items[0]).toMatchObject({ administrator: false, grants: [] });
  });

  it('leaves an administrator appointed on the server alone from then on', async () => {
    const { accountId, initialPassword } = await appointAdministratorOnServer(t.db, { username: 'appointed-sys', role: 'sysadmin', displayName: '系统管理员' });
    expect(initialPassword).toBeTruthy();
    for (const role of ['secadmin', 'auditor', 'sysadmin', 'district_admin']) {
      const res = await grantOn(accountId, role, f.a.street.id);
      expect(res.statusCode, role).toBe(403);
      expect(['account.adminProtected', 'grant.adminRoleOnServer']).toContain(res.json().code);
    }
    expect((await sec().get('/api/accounts?q=appointed-sys')).json().items[0]).toMatchObject({ administrator: true });
    await expect(appointAdministratorOnServer(t.db, { username: 'appointed-sys', role: 'auditor' })).rejects.toMatchObject({ code: 'grant.adminSeparation' });
    await expect(appointAdministratorOnServer(t.db, { username: 'appointed-sys', role: 'sysadmin' })).rejects.toMatchObject({ code: 'grant.alreadyHeld' });
    await expect(appointAdministratorOnServer(t.db, { username: 'appointed-sys', role: 'district_admin' })).rejects.toMatchObject({ status: 422 });
    const held = await t.db.select().from(grant).where(eq(grant.accountId, accountId));
    expect(held).toEqual([expect.objectContaining({ role: 'sysadmin', territoryId: f.district.id })]);
    const records = await t.db.select().from(auditLog).where(eq(auditLog.targetId, accountId));
    expect(records.map((r) => [r.action, r.actor])).toEqual(expect.arrayContaining([['account.create', 'admin-appoint'], ['grant.create', 'admin-appoint']]));
  });

  it('does not let the security administrator reset, unlock or disable their own account', async () => {
    for (const res of [
      await sec().post(`/api/accounts/${secadmin.accountId}/reset-password`),
      await sec().post(`/api/accounts/${secadmin.accountId}/unlock`),
      await sec().patch(`/api/accounts/${secadmin.accountId}`, { disabled: true }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('account.adminProtected');
    }
    expect(await verifyPassword((await t.db.select().from(account).where(eq(account.id, secadmin.accountId)))[0]!.passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it('keeps the sysadmin\'s, the auditor\'s and another secadmin\'s accounts out of the security administrator\'s reach', async () => {
    const sysadmin = await accountFor(t, 'sysadmin', f.district, 'the-sysadmin');
    const auditor = await accountFor(t, 'auditor', f.district, 'the-auditor');
    const otherSec = await accountFor(t, 'secadmin', f.a.street, 'a-street-secadmin');
    const changes = async () => (await t.db.select().from(auditLog)).filter((r) => /^(account|grant)\./.test(r.action)).length;
    const before = await changes();
    for (const admin of [sysadmin, auditor, otherSec]) {
      const grantId = (await sec().get(`/api/accounts?q=${admin.username}`)).json().items[0].grants[0].id;
      for (const res of [
        await sec().post(`/api/accounts/${admin.accountId}/reset-password`),
        await sec().patch(`/api/accounts/${admin.accountId}`, { disabled: true }),
        await sec().patch(`/api/accounts/${admin.accountId}`, { displayName: '改名', totpRequired: false }),
        await sec().post(`/api/accounts/${admin.accountId}/unlock`),
        await sec().delete(`/api/grants/${grantId}`),
      ]) {
        expect(res.statusCode, admin.username).toBe(403);
        expect(res.json().code).toBe('account.adminProtected');
      }
      expect((await loginRaw(admin.username, TEST_PASSWORD)).statusCode).toBe(200);
      expect((await as(t.app, admin.session).get('/api/auth/session')).statusCode).toBe(200);
    }
    expect(await changes()).toBe(before);
  });

  it('lets each administrator change their own password', async () => {
    const auditor = await accountFor(t, 'auditor', f.district, 'self-auditor');
    const res = await as(t.app, auditor.session).post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Auditor-Own-2026' });
    expect(res.statusCode).toBeLessThan(300);
    expect((await loginRaw('self-auditor', 'Auditor-Own-2026')).statusCode).toBe(200);
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
    expect((await grant(f.b.grid.id)).statusCode).toBe(404);
  });

  it('keeps a street-level security administrator away from accounts that act beyond its street', async () => {
    const streetSec = await accountFor(t, 'secadmin', f.a.street, 'street-secadmin-2');
    const mine = await makeAccount(t.db, { username: 'a-worker', password: TEST_PASSWORD, grants: [{ role: 'grid_worker', territoryId: f.a.grid.id }] });
    const above = await makeAccount(t.db, { username: 'd-admin', password: TEST_PASSWORD, grants: [{ role: 'district_admin', territoryId: f.district.id }] });
    const api = as(t.app, streetSec.session);
    const listed = (await api.get('/api/accounts')).json().items.map((a: { username: string }) => a.username);
    expect(listed).toContain('a-worker');
    expect(listed).not.toContain('d-admin');
    for (const res of [
      await api.post(`/api/accounts/${above.id}/reset-password`),
      await api.patch(`/api/accounts/${above.id}`, { disabled: true }),
      await api.post(`/api/accounts/${above.id}/unlock`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('notFound');
    }
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

describe('npm run admin:reset', () => {
  const script = fileURLToPath(new URL('../../scripts/admin-reset.ts', import.meta.url));
  const run = (dataDir: string, ...args: string[]) => {
    // The script must open the PGlite folder even on the suite's PostgreSQL pass.
    const env: NodeJS.ProcessEnv = { ...process.env, GONGZHI_DATA_DIR: dataDir, NODE_ENV: 'test' };
    delete env.DATABASE_URL;
    return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env, encoding: 'utf8' });
  };

  it('gives a locked-out auditor a one-time password on the server, ends their sessions and audits it as the system', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-admin-reset-'));
    try {
      const database = await openDatabase({ dataDir: join(dir, 'pglite') });
      await migrateDatabase(database);
      const a = await makeAccount(database.db, { username: 'lost-auditor', password: TEST_PASSWORD });
      await database.db.update(account).set({ lockedUntil: new Date(Date.now() + 15 * 60_000), failedLogins: 5 }).where(eq(account.id, a.id));
      await createSession(database.db, a.id, '127.0.0.1');
      await database.close();

      const ok = run(dir, 'lost-auditor');
      expect(ok.status, ok.stderr).toBe(0);
      const initialPassword = /one-time password for lost-auditor: (\S+)/.exec(ok.stdout)?.[1];
      expect(initialPassword).toBeTruthy();
      expect(run(dir, 'nobody-here').status).toBe(1);
      expect(run(dir).status).toBe(2);

      const after = await openDatabase({ dataDir: join(dir, 'pglite') });
      try {
        const [row] = await after.db.select().from(account).where(eq(account.id, a.id));
        expect(row).toMatchObject({ mustChangePassword: true, lockedUntil: null, failedLogins: 0 });
        expect(await verifyPassword(row!.passwordHash, initialPassword!)).toBe(true);
        expect(await verifyPassword(row!.passwordHash, TEST_PASSWORD)).toBe(false);
        expect(await after.db.select().from(session).where(eq(session.accountId, a.id))).toEqual([]);
        const records = await after.db.select().from(auditLog).where(eq(auditLog.targetId, a.id));
        expect(records).toEqual([expect.objectContaining({ action: 'account.resetPassword', actor: 'admin-reset', accountId: null })]);
        expect(JSON.stringify(records)).not.toContain(initialPassword);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run admin:appoint', () => {
  const script = fileURLToPath(new URL('../../scripts/admin-appoint.ts', import.meta.url));
  const run = (dataDir: string, ...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, GONGZHI_DATA_DIR: dataDir, NODE_ENV: 'test' };
    delete env.DATABASE_URL;
    return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env, encoding: 'utf8' });
  };

  it('appoints the auditor on the server at the root of the tree, once, and no second administrator role', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-admin-appoint-'));
    try {
      const database = await openDatabase({ dataDir: join(dir, 'pglite') });
      await migrateDatabase(database);
      const root = await makeNode(database.db, null, 'district', '松江区', '310117');
      await database.close();

      const ok = run(dir, 'district-auditor', 'auditor', '区审计员');
      expect(ok.status, ok.stderr).toBe(0);
      const initialPassword = /one-time password for district-auditor: (\S+)/.exec(ok.stdout)?.[1];
      expect(initialPassword).toBeTruthy();
      expect(run(dir, 'district-auditor', 'sysadmin').status).toBe(1);
      expect(run(dir, 'district-auditor', 'district_admin').status).toBe(2);
      expect(run(dir).status).toBe(2);

      const after = await openDatabase({ dataDir: join(dir, 'pglite') });
      try {
        const [row] = await after.db.select().from(account).where(eq(account.username, 'district-auditor'));
        expect(row).toMatchObject({ displayName: '区审计员', mustChangePassword: true });
        expect(await verifyPassword(row!.passwordHash, initialPassword!)).toBe(true);
        expect(await after.db.select({ role: grant.role, territoryId: grant.territoryId }).from(grant).where(eq(grant.accountId, row!.id)))
          .toEqual([{ role: 'auditor', territoryId: root.id }]);
        const records = await after.db.select().from(auditLog).where(eq(auditLog.targetId, row!.id));
        expect(records.map((r) => r.actor)).toEqual(['admin-appoint', 'admin-appoint']);
        expect(JSON.stringify(records)).not.toContain(initialPassword);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
