import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeNode } from '../../demo/factories.ts';
import { TEST_PASSWORD, type TestContext, as, createTestContext, login } from '../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  const district = await makeNode(t.db, null, 'district', '测试区', '999999');
  await makeAccount(t.db, { username: 'alice', password: TEST_PASSWORD, grants: [{ role: 'district_admin', territoryId: district.id }] });
  await makeAccount(t.db, { username: 'newbie', password: TEST_PASSWORD, mustChangePassword: true, grants: [{ role: 'district_admin', territoryId: district.id }] });
});
afterAll(() => t.close());

describe('login', () => {
  it('sets an HttpOnly SameSite session cookie and returns the CSRF token in the session', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'gz_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    const s = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `gz_session=${c.value}` } });
    expect(s.json().csrfToken).toMatch(/.{20,}/);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const s = await login(t.app, 'alice', TEST_PASSWORD);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await as(t.app, s).post('/api/auth/logout')).statusCode).toBe(204);
    expect((await as(t.app, s).get('/api/auth/session')).statusCode).toBe(401);
  });

  it('locks the account after 5 failures in a row, even for the right password', async () => {
    await makeAccount(t.db, { username: 'bob', password: TEST_PASSWORD });
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password: 'wrong' } });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password: 'wrong' } });
    expect(fifth.statusCode).toBe(423);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(423);
    expect(right.json().lockedUntil).toBeTruthy();
  });

  it('answers in English when asked', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en-US' }, payload: { username: 'nobody', password: 'x' } });
    expect(r.statusCode).toBe(401);
    expect(r.json().detail).toMatch(/Wrong username or password/);
    const zh = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    expect(zh.json().detail).toMatch(/用户名或密码错误/);
  });

  it('names the missing field', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice' } });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors[0].field).toBe('password');
  });
});

describe('initial passwords', () => {
  it('must be changed before any other work, and the new one must meet the policy', async () => {
    const s = await login(t.app, 'newbie', TEST_PASSWORD);
    const api = as(t.app, s);
    expect((await api.get('/api/territories/roots')).json().code).toBe('auth.passwordChangeRequired');
    const weak = await api.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].field).toBe('newPassword');
    expect((await api.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Better-2026' })).statusCode).toBe(204);
    expect((await api.get('/api/territories/roots')).statusCode).toBe(200);
  });
});
