import { desc, eq, sql } from 'drizzle-orm';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../core/audit.ts';
import { migrateDatabase, openDatabase } from '../../db/client.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';

let t: TestContext;
let f: TwoStreets;
let auditor: RoleAccount;
let district: RoleAccount;
let secadmin: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  auditor = await accountFor(t, 'auditor', f.district);
  district = await accountFor(t, 'district_admin', f.district);
  secadmin = await accountFor(t, 'secadmin', f.district);
});
afterAll(() => t.close());

const read = (url: string) => as(t.app, auditor.session).get(url);
const latest = async () => (await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;

describe('every change is recorded', () => {
  it('records who, when, from where, what, and the state before and after', async () => {
    const started = Date.now();
    const changes: [string, () => Promise<{ statusCode: number }>][] = [
      ['territory.rename', () => as(t.app, district.session).patch(`/api/territories/${f.a.grid.id}`, { name: 'A网格（改）' })],
      ['body.rename', () => as(t.app, district.session).patch(`/api/bodies/${f.a.branch.id}`, { name: 'A党总支（改）' })],
      ['person.update', () => as(t.app, district.session).patch(`/api/people/${f.a.person.id}`, { name: '甲居民（改）' })],
      ['account.update', () => as(t.app, secadmin.session).patch(`/api/accounts/${district.accountId}`, { displayName: '区管理员' })],
    ];
    for (const [action, change] of changes) {
      expect((await change()).statusCode, action).toBeLessThan(300);
      const r = await latest();
      expect(r.action).toBe(action);
      expect(r.ip).toBe('127.0.0.1');
      expect(new Date(r.at).getTime()).toBeGreaterThanOrEqual(started - 1000);
      expect(r.before, action).not.toBeNull();
      expect(r.after, action).not.toBeNull();
      expect(r.before).not.toEqual(r.after);
    }
    const person = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'person.update')))[0]!;
    expect(person).toMatchObject({ actor: district.username, role: 'district_admin', territoryId: f.a.building.id });
    expect(person.before).toMatchObject({ name: '甲居民' });
    expect(person.after).toMatchObject({ name: '甲居民（改）' });
  });

  it('lets the auditor search by action, actor and node subtree', async () => {
    const byAction = (await read('/api/audit?action=territory.')).json();
    expect(byAction.items.every((i: { action: string }) => i.action.startsWith('territory.'))).toBe(true);
    expect(byAction.total).toBeGreaterThan(0);
    const byActor = (await read(`/api/audit?actor=${secadmin.username}`)).json();
    expect(byActor.items.map((i: { action: string }) => i.action)).toEqual(['account.update']);
    const inA = (await read(`/api/audit?territoryId=${f.a.street.id}`)).json();
    expect(inA.items.map((i: { action: string }) => i.action).sort()).toEqual(['body.rename', 'person.update', 'territory.rename']);
    expect((await read(`/api/audit?territoryId=${f.b.street.id}`)).json().total).toBe(0);
    const page = (await read('/api/audit?pageSize=1')).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
  });
});

describe('what each auditor may read', () => {
  it('limits a street-level auditor to their street\'s subtree, and keeps records without a node to the district', async () => {
    const streetAuditor = await accountFor(t, 'auditor', f.a.street, 'street-auditor');
    const readAs = (who: RoleAccount, url: string) => as(t.app, who.session).get(url);
    await as(t.app, district.session).patch(`/api/territories/${f.b.grid.id}`, { name: 'B网格（审计）' });
    await as(t.app, district.session).patch(`/api/territories/${f.a.grid.id}`, { name: 'A网格（审计）' });
    await as(t.app, secadmin.session).patch(`/api/accounts/${district.accountId}`, { displayName: '区管理员（审计）' });

    const inStreet = (await readAs(streetAuditor, '/api/audit?pageSize=200')).json();
    const streetIds = new Set([f.a.street, f.a.community, f.a.grid, f.a.building].map((n) => n.id));
    expect(inStreet.total).toBeGreaterThan(0);
    expect(inStreet.total).toBe(inStreet.items.length);
    expect(inStreet.items.every((i: { territoryId: string | null }) => i.territoryId && streetIds.has(i.territoryId))).toBe(true);
    expect(inStreet.items.map((i: { after: unknown }) => JSON.stringify(i.after)).join()).not.toContain('B网格（审计）');
    expect((await readAs(streetAuditor, '/api/audit?action=account.')).json().total).toBe(0);
    const outside = await readAs(streetAuditor, `/api/audit?territoryId=${f.b.street.id}`);
    expect(outside.statusCode).toBe(404);

    const all = (await readAs(auditor, '/api/audit?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(inStreet.total);
    const afters = all.items.map((i: { after: unknown }) => JSON.stringify(i.after)).join();
    expect(afters).toContain('B网格（审计）');
    expect(afters).toContain('区管理员（审计）');
    expect(all.items.some((i: { territoryId: string | null }) => i.territoryId === null)).toBe(true);
  });
});

describe('verifying the chain, district-wide', () => {
  it('lets only an auditor granted at the district verify; a street-level auditor gets 403 saying why', async () => {
    const streetAuditor = await accountFor(t, 'auditor', f.a.street, 'street-auditor-verify');
    const refused = await as(t.app, streetAuditor.session).get('/api/audit/verify');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('audit.verifyDistrictWide');
    expect(refused.json().detail).toContain('全区');
    expect(refused.body).not.toMatch(/checked|firstBroken/);
    const en = await as(t.app, streetAuditor.session).get('/api/audit/verify', { 'accept-language': 'en-US' });
    expect(en.json().detail).toMatch(/district/);
    expect((await read('/api/audit/verify')).statusCode).toBe(200);
  });

  it('lists for a street-level auditor only records on nodes of their street, whatever the filters', async () => {
    const streetAuditor = await accountFor(t, 'auditor', f.a.street, 'street-auditor-list');
    await audit(t.db, { system: 'test' }, { action: 'test.elsewhere', targetType: 'territory', targetId: f.b.building.id, territoryId: f.b.building.id, after: {} });
    await audit(t.db, { system: 'test' }, { action: 'test.nowhere', after: {} });
    await audit(t.db, { system: 'test' }, { action: 'test.here', targetType: 'territory', targetId: f.a.building.id, territoryId: f.a.building.id, after: {} });
    const listed = (await as(t.app, streetAuditor.session).get('/api/audit?action=test.&pageSize=200')).json();
    expect(listed.items.map((i: { action: string }) => i.action)).toEqual(['test.here']);
    expect(listed.total).toBe(1);
    const byActor = (await as(t.app, streetAuditor.session).get('/api/audit?actor=test&pageSize=200')).json();
    expect(byActor.items.map((i: { action: string }) => i.action)).toEqual(['test.here']);
  });
});

describe('the hash chain', () => {
  it('stays one unforked chain when many changes land at once', async () => {
    const renames = Array.from({ length: 12 }, (_, i) =>
      as(t.app, district.session).patch(`/api/territories/${i % 2 ? f.a.building.id : f.b.building.id}`, { name: `并发${i}` }));
    expect((await Promise.all(renames)).map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    const rows = await t.db.select({ prevHash: auditLog.prevHash, hash: auditLog.hash }).from(auditLog).orderBy(auditLog.id);
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
  });

  it('verifies over every record', async () => {
    const res = (await read('/api/audit/verify')).json();
    const { rows } = (await t.db.execute(sql`select count(*)::int as n from audit_log`)) as unknown as { rows: { n: number }[] };
    expect(res).toEqual({ ok: true, checked: rows[0]!.n, firstBroken: null });
  });

  it('is refused any UPDATE, DELETE or TRUNCATE by the database itself', async () => {
    const first = (await t.db.select().from(auditLog).limit(1))[0]!;
    await expect(t.db.execute(sql`update audit_log set actor = 'someone-else' where id = ${first.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log where id = ${first.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await t.db.select().from(auditLog).where(eq(auditLog.id, first.id)))[0]!.actor).toBe(first.actor);
  });

  it('names a forged record appended with a made-up hash', async () => {
    const last = await latest();
    const [forged] = await t.db.insert(auditLog).values({
      at: new Date().toISOString(), actor: 'nobody', action: 'person.reveal', prevHash: last.hash, hash: 'f'.repeat(64),
    }).returning();
    const res = (await read('/api/audit/verify')).json();
    expect(res.ok).toBe(false);
    expect(res.firstBroken).toEqual({ id: forged!.id, at: new Date(forged!.at).toISOString() });
  });

  it('names the first record edited behind the trigger\'s back', async () => {
    const [, second] = await t.db.select().from(auditLog).orderBy(auditLog.id).limit(2);
    await t.db.execute(sql`drop trigger audit_log_no_update on audit_log`);
    await t.db.execute(sql`update audit_log set after = '{"name":"篡改"}'::jsonb where id = ${second!.id}`);
    const res = (await read('/api/audit/verify')).json();
    expect(res).toMatchObject({ ok: false, checked: 1, firstBroken: { id: second!.id } });
  });
});

describe('npm run audit:verify', () => {
  const script = fileURLToPath(new URL('../../scripts/audit-verify.ts', import.meta.url));
  const run = (dataDir: string) => {
    // The script must open the PGlite folder even on the suite's PostgreSQL pass.
    const env: NodeJS.ProcessEnv = { ...process.env, GONGZHI_DATA_DIR: dataDir, NODE_ENV: 'test' };
    delete env.DATABASE_URL;
    return spawnSync(process.execPath, ['--import', 'tsx', script], { env, encoding: 'utf8' });
  };

  it('prints the count of a whole chain, and names the first broken record with exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-audit-'));
    try {
      const database = await openDatabase({ dataDir: join(dir, 'pglite') });
      await migrateDatabase(database);
      for (const action of ['one', 'two', 'three']) await audit(database.db, { system: 'test' }, { action, after: { action } });
      await database.close();
      const ok = run(dir);
      expect(ok.stdout.trim()).toBe('audit chain ok: 3 records');
      expect(ok.status).toBe(0);

      const again = await openDatabase({ dataDir: join(dir, 'pglite') });
      await again.db.execute(sql`drop trigger audit_log_no_update on audit_log`);
      await again.db.execute(sql`update audit_log set action = 'rewritten' where id = 2`);
      const [row] = await again.db.select().from(auditLog).where(eq(auditLog.id, 2));
      await again.close();
      const broken = run(dir);
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(`record 2 (${new Date(row!.at).toISOString()})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
