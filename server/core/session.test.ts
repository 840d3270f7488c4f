import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { session } from '../db/schema/accounts.ts';
import { makeAccount, makeNode } from '../demo/factories.ts';
import { TEST_PASSWORD, type TestContext, as, createTestContext, login } from '../test/harness.ts';
import { IDLE_TIMEOUT_MS } from './session.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  const district = await makeNode(t.db, null, 'district', '测试区', '999999');
  await makeAccount(t.db, { username: 'carol', password: TEST_PASSWORD, grants: [{ role: 'district_admin', territoryId: district.id }] });
});
afterAll(() => t.close());

describe('sessions', () => {
  it('store only a hash of the cookie token', async () => {
    const s = await login(t.app, 'carol', TEST_PASSWORD);
    const token = s.cookie.split('=')[1]!;
    const rows = await t.db.select().from(session);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it('end after 30 idle minutes', async () => {
    const s = await login(t.app, 'carol', TEST_PASSWORD);
    expect((await as(t.app, s).get('/api/territories/roots')).statusCode).toBe(200);
    await t.db.update(session).set({ lastSeenAt: new Date(Date.now() - IDLE_TIMEOUT_MS - 1000) });
    const res = await as(t.app, s).get('/api/territories/roots');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('end at their absolute lifetime however busy', async () => {
    const s = await login(t.app, 'carol', TEST_PASSWORD);
    const all = await t.db.select().from(session);
    for (const r of all) await t.db.update(session).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(session.tokenHash, r.tokenHash));
    expect((await as(t.app, s).get('/api/territories/roots')).statusCode).toBe(401);
  });
});
