/** The system administrator issues a key for a community's app, sees it once, and revokes it. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { makeNode } from '../../demo/factories.ts';
import { open311Key } from '../../db/schema/demands.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { DEMO_OPEN311_KEY, ensureDemoOpen311Key } from './demo-key.ts';
import { hashOfKey } from './keys.ts';

let t: TestContext;
let f: TwoStreets;
let sys: RoleAccount;
let streetSys: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  sys = await accountFor(t, 'sysadmin', f.district, 'sys');
  streetSys = await accountFor(t, 'sysadmin', f.a.street, 'sys-a');
});
afterAll(() => t.close());

describe('Open311 keys', () => {
  let id: string;
  let key: string;

  it('shows a new key once and keeps only its SHA-256', async () => {
    const res = await as(t.app, sys.session).post('/api/open311-keys', { name: '社区 App', territoryId: f.a.community.id });
    expect(res.statusCode, res.body).toBe(201);
    ({ id, key } = res.json());
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.json()).toMatchObject({ name: '社区 App', keyHint: `${key.slice(0, 6)}…`, territory: { id: f.a.community.id, name: 'A居民区', code: 'T-A-C' }, revokedAt: null });
    const [row] = await t.db.select().from(open311Key).where(eq(open311Key.id, id));
    expect(row!.keyHash).toBe(hashOfKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    const listed = await as(t.app, sys.session).get('/api/open311-keys');
    expect(listed.json().items.map((k: { id: string }) => k.id)).toEqual([id]);
    expect(listed.body).not.toContain(key);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(entry).toMatchObject({ action: 'open311.key.issue', actor: 'sys' });
    expect(JSON.stringify(entry)).not.toContain(key);
  });

  it('lists to each administrator only the keys inside their grant', async () => {
    const b = await as(t.app, sys.session).post('/api/open311-keys', { name: 'B 社区', territoryId: f.b.community.id });
    const ids = (await as(t.app, streetSys.session).get('/api/open311-keys')).json().items.map((k: { id: string }) => k.id);
    expect(ids).toEqual([id]);
    expect((await as(t.app, streetSys.session).post(`/api/open311-keys/${b.json().id}/revoke`)).statusCode).toBe(404);
    expect((await as(t.app, streetSys.session).post('/api/open311-keys', { name: 'x', territoryId: f.b.community.id })).statusCode).toBe(404);
  });

  it('revokes at once: the key is refused next, and a second revoke changes nothing', async () => {
    const read = () => t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?api_key=${encodeURIComponent(key)}` });
    expect((await read()).statusCode).toBe(200);
    const first = await as(t.app, sys.session).post(`/api/open311-keys/${id}/revoke`);
    expect(first.statusCode).toBe(200);
    expect(first.json().revokedAt).not.toBeNull();
    const again = await as(t.app, sys.session).post(`/api/open311-keys/${id}/revoke`);
    expect(again.json().revokedAt).toBe(first.json().revokedAt);
    expect((await read()).statusCode).toBe(403);
    const revokes = (await t.db.select().from(auditLog).where(eq(auditLog.targetId, id))).filter((a) => a.action === 'open311.key.revoke');
    expect(revokes).toHaveLength(1);
  });

  it('gives the demo its published key once, however often the loader runs', async () => {
    await makeNode(t.db, f.a.street, 'neighborhood', '龙潭社区', '310117001001');
    await ensureDemoOpen311Key(t.db);
    await ensureDemoOpen311Key(t.db);
    const rows = await t.db.select().from(open311Key).where(eq(open311Key.keyHash, hashOfKey(DEMO_OPEN311_KEY)));
    expect(rows).toHaveLength(1);
    const res = await t.app.inject({ method: 'GET', url: `/open311/v2/requests.xml?api_key=${DEMO_OPEN311_KEY}` });
    expect(res.statusCode).toBe(200);
  });
});
