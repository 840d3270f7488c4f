import { and, count, eq, like } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { likePrefix } from '../../core/policy.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { body } from '../../db/schema/bodies.ts';
import { type TerritoryKind, territory } from '../../db/schema/territory.ts';
import { type Node, makeBody, makeHousehold, makeNode, makePerson } from '../../demo/factories.ts';
import { DIVISIONS_CSV } from '../../demo/load-demo.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { childPath } from './rules.ts';

let t: TestContext;
let f: TwoStreets;
let district: RoleAccount;
let streetA: RoleAccount;
let sysadmin: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  district = await accountFor(t, 'district_admin', f.district);
  streetA = await accountFor(t, 'street_admin', f.a.street);
  sysadmin = await accountFor(t, 'sysadmin', f.district);
});
afterAll(() => t.close());

const api = (a: RoleAccount) => as(t.app, a.session);
const csvHeaders = { 'content-type': 'text/csv' };
const nodeById = async (id: string) => (await t.db.select().from(territory).where(eq(territory.id, id)))[0]!;
const lastAudit = async (action: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id)).at(-1)!;

describe('shaping the tree', () => {
  it('creates a node under a parent in the caller\'s street, with its path, and audits it', async () => {
    const res = await api(streetA).post('/api/territories', { parentId: f.a.community.id, name: 'A第二网格', kind: 'grid', code: 'T-A-G2' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ parentId: f.a.community.id, name: 'A第二网格', kind: 'grid', code: 'T-A-G2', retired: false });
    const row = await nodeById(created.id);
    expect(row.path).toBe(childPath(f.a.community.path, created.id));
    expect(row.depth).toBe(f.a.community.depth + 1);
    const record = await lastAudit('territory.create');
    expect(record.targetId).toBe(created.id);
    expect(record.actor).toBe(streetA.username);
    expect(record.after).toMatchObject({ name: 'A第二网格', kind: 'grid' });
  });

  it('refuses a node outside the caller\'s street', async () => {
    const res = await api(streetA).post('/api/territories', { parentId: f.b.community.id, name: '越界网格', kind: 'grid' });
    expect(res.statusCode).toBe(404);
  });

  it.each<[string, TerritoryKind, keyof TwoStreets['a']]>([
    ['a district under a community', 'district', 'community'],
    ['a building under a building', 'building', 'building'],
    ['a community under a grid', 'neighborhood', 'grid'],
  ])('refuses %s, naming the kind', async (_, kind, parent) => {
    const res = await api(district).post('/api/territories', { parentId: f.a[parent].id, name: '不合规', kind });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'kind', code: 'territory.badParent' })]);
  });

  it('refuses a code already used', async () => {
    const res = await api(district).post('/api/territories', { parentId: f.a.community.id, name: '重码', kind: 'grid', code: 'T-B-G' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'code', code: 'territory.codeTaken' });
  });

  it('creates a code once when two creations of it arrive together, refusing the others naming `code`', async () => {
    const create = (i: number) => api(district).post('/api/territories', { parentId: f.a.community.id, name: `同码网格${i}`, kind: 'grid', code: 'T-A-RACE' });
    const results = await Promise.all([0, 1, 2, 3].map(create));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422, 422, 422]);
    for (const refused of results.filter((r) => r.statusCode === 422)) {
      expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'code', code: 'territory.codeTaken' })]);
    }
    expect(await t.db.select().from(territory).where(eq(territory.code, 'T-A-RACE'))).toHaveLength(1);
  });

  it('renames a node, recording the name before and after', async () => {
    const grid = await makeNode(t.db, f.a.community, 'grid', '旧名网格');
    const res = await api(streetA).patch(`/api/territories/${grid.id}`, { name: '新名网格' });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('新名网格');
    const record = await lastAudit('territory.rename');
    expect(record).toMatchObject({ targetId: grid.id, before: { name: '旧名网格' }, after: { name: '新名网格' } });
  });

  it('moves a node with its whole subtree: every descendant\'s path and depth follow, and scope follows the paths', async () => {
    const grid = await makeNode(t.db, f.a.community, 'grid', '迁移网格');
    const building = await makeNode(t.db, grid, 'building', '迁移楼');
    const p = await makePerson(t.db, t.pii, building);
    expect((await api(streetA).get(`/api/people/${p.id}`)).statusCode).toBe(200);

    const res = await api(district).post(`/api/territories/${grid.id}/move`, { parentId: f.b.community.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().parentId).toBe(f.b.community.id);
    const [g, b] = [await nodeById(grid.id), await nodeById(building.id)];
    expect(g.path).toBe(childPath(f.b.community.path, grid.id));
    expect(b.path).toBe(childPath(g.path, building.id));
    expect([g.depth, b.depth]).toEqual([f.b.community.depth + 1, f.b.community.depth + 2]);
    expect((await api(streetA).get(`/api/people/${p.id}`)).statusCode).toBe(404);
    expect((await api(streetA).get(`/api/territories/${building.id}`)).statusCode).toBe(404);
    expect((await api(streetA).get(`/api/territories/${building.id}/children`)).statusCode).toBe(404);
    expect((await api(streetA).patch(`/api/territories/${building.id}`, { name: '越界' })).statusCode).toBe(404);
    expect(await lastAudit('territory.move')).toMatchObject({ targetId: grid.id, before: { parentId: f.a.community.id }, after: { parentId: f.b.community.id } });
  });

  it('refuses moves into the node\'s own subtree, of the root, into another street, and to a parent of the wrong kind', async () => {
    const cycle = await api(district).post(`/api/territories/${f.a.community.id}/move`, { parentId: f.a.grid.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().errors[0]).toMatchObject({ field: 'parentId', code: 'territory.cycle' });
    expect((await api(district).post(`/api/territories/${f.district.id}/move`, { parentId: f.a.street.id })).json().code).toBe('territory.root');
    expect((await api(streetA).post(`/api/territories/${f.a.grid.id}/move`, { parentId: f.b.community.id })).statusCode).toBe(404);
    const kind = await api(district).post(`/api/territories/${f.a.grid.id}/move`, { parentId: f.b.street.id });
    expect(kind.statusCode).toBe(422);
    expect(kind.json().errors[0]).toMatchObject({ field: 'parentId', code: 'territory.badParent' });
  });

  it('retires a leaf, refuses to retire a node with active children, and closes a retired node to new records', async () => {
    const grid = await makeNode(t.db, f.a.community, 'grid', '撤销网格');
    const building = await makeNode(t.db, grid, 'building', '撤销楼');
    const refused = await api(streetA).post(`/api/territories/${grid.id}/retire`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('territory.hasActiveChildren');
    expect((await api(streetA).post(`/api/territories/${building.id}/retire`)).json().retired).toBe(true);
    expect((await api(streetA).post(`/api/territories/${grid.id}/retire`)).json().retired).toBe(true);
    const under = await api(streetA).post('/api/territories', { parentId: grid.id, name: '新楼', kind: 'building' });
    expect(under.statusCode).toBe(422);
    expect(under.json().errors[0]).toMatchObject({ field: 'parentId', code: 'territory.retired' });
    expect((await api(district).post(`/api/territories/${f.district.id}/retire`)).json().code).toBe('territory.root');
  });
});

describe('finding nodes', () => {
  it('looks a node up by its exact code, within the caller\'s subtrees only', async () => {
    const mine = await api(streetA).get('/api/territories?code=T-A-G');
    expect(mine.json().items.map((n: { id: string }) => n.id)).toEqual([f.a.grid.id]);
    expect((await api(streetA).get('/api/territories?code=T-B-G')).json().items).toEqual([]);
    expect((await api(district).get('/api/territories?code=T-B-G')).json().items[0].id).toBe(f.b.grid.id);
  });

  it('searches by name or code prefix, within scope', async () => {
    const names = async (a: RoleAccount, q: string) =>
      (await api(a).get(`/api/territories?q=${encodeURIComponent(q)}`)).json().items.map((n: { name: string }) => n.name);
    expect(await names(district, '第一网格')).toEqual(expect.arrayContaining(['A第一网格', 'B第一网格']));
    expect(await names(streetA, '第一网格')).toEqual(['A第一网格']);
    expect(await names(streetA, 'T-A-C')).toEqual(['A居民区']);
    expect(await names(streetA, '%')).toEqual([]);
  });

  it('asks for a code or a text, naming the field', async () => {
    const res = await api(streetA).get('/api/territories');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('q');
  });

  it('lists children, and shows the granted nodes as roots', async () => {
    const kids = (await api(streetA).get(`/api/territories/${f.a.street.id}/children`)).json().items;
    expect(kids.map((n: { id: string }) => n.id)).toEqual([f.a.community.id]);
    expect(kids[0].hasChildren).toBe(true);
    const roots = (await api(streetA).get('/api/territories/roots')).json().items;
    expect(roots.map((n: { id: string }) => n.id)).toEqual([f.a.street.id]);
  });

  it('gives a node with the ancestors the caller may see', async () => {
    const res = (await api(streetA).get(`/api/territories/${f.a.grid.id}`)).json();
    expect(res.ancestors.map((n: { id: string }) => n.id)).toEqual([f.a.street.id, f.a.community.id]);
    expect(res.counts).toMatchObject({ people: 1, households: 1 });
  });
});

describe('overview figures', () => {
  it('counts, per child, the units, households, people, party members and bodies below it', async () => {
    const street = await makeNode(t.db, f.district, 'subdistrict', 'C街道', 'T-C');
    const c1 = await makeNode(t.db, street, 'neighborhood', 'C1居民区');
    const c2 = await makeNode(t.db, street, 'village', 'C2村');
    const g1 = await makeNode(t.db, c1, 'grid', 'C1网格一');
    const g2 = await makeNode(t.db, c1, 'grid', 'C1网格二');
    const area = await makeNode(t.db, c2, 'area', 'C2东片区');
    await makeNode(t.db, area, 'grid', 'C2网格');
    const b1 = await makeNode(t.db, g1, 'building', 'C1-1号楼');
    await makeNode(t.db, g1, 'building', 'C1-2号楼');
    await makeNode(t.db, g2, 'building', 'C1-3号楼');
    const hh = await makeHousehold(t.db, b1, '101');
    await makePerson(t.db, t.pii, b1, { householdId: hh.id, isPartyMember: true });
    await makePerson(t.db, t.pii, b1, { householdId: hh.id });
    await makePerson(t.db, t.pii, c2);
    await makeBody(t.db, c1, 'residents_committee', 'C1居委会');
    await makeBody(t.db, g1, 'party_branch', 'C1第一党支部');
    const retired = await makeBody(t.db, c2, 'villagers_committee', 'C2村委会（旧）');
    await t.db.update(body).set({ retiredAt: new Date() }).where(eq(body.id, retired.id));

    const res = await api(district).get(`/api/stats/overview?territoryId=${street.id}`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows;
    expect(rows.map((r: { node: { name: string } }) => r.node.name)).toEqual(['C1居民区', 'C2村']);
    expect(rows[0]).toMatchObject({ communities: 0, grids: 2, buildings: 3, households: 1, people: 2, partyMembers: 1, bodies: 2 });
    expect(rows[1]).toMatchObject({ communities: 0, grids: 1, buildings: 0, households: 0, people: 1, partyMembers: 0, bodies: 0 });
    const top = (await api(district).get(`/api/stats/overview?territoryId=${f.district.id}`)).json().rows;
    expect(top.find((r: { node: { id: string } }) => r.node.id === street.id)).toMatchObject({ communities: 2, grids: 3, buildings: 3 });
  });
});

describe('CSV import', () => {
  const codesUnder = async (n: Node) =>
    (await t.db.select({ n: count() }).from(territory).where(like(territory.path, likePrefix(n.path))))[0]!.n;

  it('creates new codes, updates known ones on re-import and never duplicates', async () => {
    const csv = 'code,name,level,parent_code\nT-D,D街道,subdistrict,T\nT-D-1,D一居民区,neighborhood,T-D\nT-D-1-G,D一网格,grid,T-D-1\n';
    const first = await api(sysadmin).post('/api/territories/import', csv, csvHeaders);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 3, updated: 0 });
    expect((await api(sysadmin).post('/api/territories/import', csv, csvHeaders)).json()).toEqual({ created: 0, updated: 0 });
    const renamed = await api(sysadmin).post('/api/territories/import', csv.replace('D一网格', 'D一网格（调整）'), csvHeaders);
    expect(renamed.json()).toEqual({ created: 0, updated: 1 });
    const rows = await t.db.select().from(territory).where(like(territory.code, 'T-D%'));
    expect(rows.map((r) => r.code).sort()).toEqual(['T-D', 'T-D-1', 'T-D-1-G']);
    expect(rows.find((r) => r.code === 'T-D-1-G')!.name).toBe('D一网格（调整）');
    expect((await lastAudit('territory.import')).after).toMatchObject({ created: 0, updated: 1, codes: ['T-D-1-G'] });
  });

  it('creates a new code once when two imports of it arrive together, refusing the other naming `code`', async () => {
    const csv = 'code,name,level,parent_code\nT-RACE,并发街道,subdistrict,T\nT-RACE-1,并发居民区,neighborhood,T-RACE\n';
    const results = await Promise.all([0, 1].map(() => api(sysadmin).post('/api/territories/import', csv, csvHeaders)));
    const codes = results.map((r) => r.statusCode);
    // Run one after the other, the second import finds the codes and only updates; run together, the index refuses it.
    if (codes.every((c) => c === 200)) {
      expect(results.map((r) => r.json().created).sort()).toEqual([0, 2]);
    } else {
      expect(codes.sort()).toEqual([200, 409]);
      const refused = results.find((r) => r.statusCode === 409)!;
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'code', code: 'territory.codeTaken' })]);
    }
    expect(await t.db.select().from(territory).where(like(territory.code, 'T-RACE%'))).toHaveLength(2);
  });

  it('moves a node whose parent changed, with its subtree', async () => {
    await api(sysadmin).post('/api/territories/import', 'code,name,level,parent_code\nT-E,E街道,subdistrict,T\nT-E-1,E一居民区,neighborhood,T-E\nT-E-1-G,E一网格,grid,T-E-1\n', csvHeaders);
    const res = await api(sysadmin).post('/api/territories/import', 'code,name,level,parent_code\nT-E-1,E一居民区,neighborhood,T-A\n', csvHeaders);
    expect(res.json()).toEqual({ created: 0, updated: 1 });
    const [grid] = await t.db.select().from(territory).where(eq(territory.code, 'T-E-1-G'));
    expect(grid!.path.startsWith(f.a.street.path)).toBe(true);
    expect(grid!.depth).toBe(f.a.street.depth + 2);
  });

  it('writes nothing when any row is bad, and reports every bad row by row, column and message', async () => {
    const csv = [
      'code,name,level,parent_code',
      'T-F,F街道,subdistrict,T',
      'T-F-1,,neighborhood,T-F',
      'T-F-2,F二居民区,hamlet,T-F',
      'T-F-3,F三居民区,neighborhood,NOPE',
      'T-F-4,F四网格,grid,T-F',
      'T-F,F街道重复,subdistrict,T',
    ].join('\n');
    const res = await api(sysadmin).post('/api/territories/import', csv, { ...csvHeaders, 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('import.badRows');
    const at = body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(at).toEqual(expect.arrayContaining(['3:name', '4:level', '5:parent_code', '6:level', '7:code']));
    expect(body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    expect(body.errors.find((e: { row: number }) => e.row === 3).message).toBe('This field is required.');
    expect(body.count).toBe(5);
    expect((await t.db.select().from(territory).where(like(territory.code, 'T-F%'))).length).toBe(0);
  });

  it('refuses to re-level a node into a kind that cannot hold its children', async () => {
    const res = await api(sysadmin).post('/api/territories/import', `code,name,level,parent_code\nT-A-G,A第一网格,building,T-A-C\n`, csvHeaders);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ row: 2, column: 'level' })]);
    expect((await nodeById(f.a.grid.id)).kind).toBe('grid');
  });

  it('refuses a header without the template\'s columns', async () => {
    const res = await api(sysadmin).post('/api/territories/import', 'code,name\nT-G,G街道\n', csvHeaders);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import.badHeader', missing: 'level, parent_code' });
  });

  it('keeps an importer inside its own subtree: no new root, no node elsewhere', async () => {
    const root = await api(sysadmin).post('/api/territories/import', 'code,name,level,parent_code\nX-NEW,新区,district,\n', csvHeaders);
    expect(root.statusCode).toBe(422);
    expect(root.json().errors[0]).toMatchObject({ row: 2, column: 'parent_code' });
    const other = await makeNode(t.db, null, 'district', '他区', 'OTHER');
    const elsewhere = await api(sysadmin).post('/api/territories/import', 'code,name,level,parent_code\nOTHER-1,他区街道,subdistrict,OTHER\n', csvHeaders);
    expect(elsewhere.statusCode).toBe(422);
    expect(await codesUnder(other)).toBe(1);
  });

  it('imports the real Songjiang division file: 1 district, 20 street-level units, 386 committees, all with codes', async () => {
    const songjiang = await makeNode(t.db, null, 'district', '松江区', '310117');
    const admin = await accountFor(t, 'district_admin', songjiang, 'songjiang-admin');
    const csv = readFileSync(DIVISIONS_CSV, 'utf8');
    const res = await api(admin).post('/api/territories/import', csv, csvHeaders);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 406, updated: 0 });
    const rows = await t.db.select().from(territory).where(like(territory.path, likePrefix(songjiang.path)));
    const byKind = (kinds: string[]) => rows.filter((r) => kinds.includes(r.kind));
    expect(byKind(['district'])).toHaveLength(1);
    expect(byKind(['subdistrict', 'town', 'zone'])).toHaveLength(20);
    expect(byKind(['neighborhood', 'village'])).toHaveLength(386);
    expect(rows.every((r) => r.code && r.code.startsWith('310117'))).toBe(true);
    expect(rows.every((r) => r.depth === r.path.split('/').filter(Boolean).length - 1)).toBe(true);
    expect((await api(admin).post('/api/territories/import', csv, csvHeaders)).json()).toEqual({ created: 0, updated: 0 });
    const found = (await api(admin).get('/api/territories?code=310117001')).json().items;
    expect(found[0]).toMatchObject({ name: '岳阳街道', kind: 'subdistrict' });
  });
});

describe('at district scale', () => {
  it('serves and moves a subtree of more than 10,000 nodes', async () => {
    const street = await makeNode(t.db, f.district, 'subdistrict', '大街道', 'T-BIG');
    const big = await makeNode(t.db, street, 'neighborhood', '大居民区');
    const rows: (typeof territory.$inferInsert)[] = [];
    for (let g = 0; g < 100; g++) {
      const gid = randomUUID();
      const gpath = childPath(big.path, gid);
      rows.push({ id: gid, parentId: big.id, kind: 'grid', name: `大网格${g}`, path: gpath, depth: big.depth + 1 });
      for (let b = 0; b < 100; b++) {
        const bid = randomUUID();
        rows.push({ id: bid, parentId: gid, kind: 'building', name: `大网格${g}-${b}号楼`, path: childPath(gpath, bid), depth: big.depth + 2 });
      }
    }
    for (let i = 0; i < rows.length; i += 2000) await t.db.insert(territory).values(rows.slice(i, i + 2000));
    const someBuilding = rows.at(-1)!;
    await makePerson(t.db, t.pii, (await nodeById(someBuilding.id!)));

    const overview = (await api(district).get(`/api/stats/overview?territoryId=${street.id}`)).json();
    expect(overview.rows[0]).toMatchObject({ grids: 100, buildings: 10_000, people: 1 });
    const detail = (await api(district).get(`/api/territories/${big.id}`)).json();
    expect(detail.counts).toMatchObject({ children: 100, people: 1 });

    const moved = await api(district).post(`/api/territories/${big.id}/move`, { parentId: f.a.street.id });
    expect(moved.statusCode).toBe(200);
    const [under] = await t.db.select({ n: count() }).from(territory).where(like(territory.path, likePrefix(childPath(f.a.street.path, big.id))));
    expect(under!.n).toBe(10_101);
    const [stale] = await t.db.select({ n: count() }).from(territory).where(and(like(territory.path, likePrefix(street.path)), eq(territory.kind, 'building')));
    expect(stale!.n).toBe(0);
    const leaf = await nodeById(someBuilding.id!);
    expect(leaf.depth).toBe(f.a.street.depth + 3);
    expect((await api(streetA).get(`/api/territories/${leaf.id}`)).statusCode).toBe(200);
    expect((await api(streetA).get(`/api/people?territoryId=${big.id}`)).json().total).toBe(1);
  });
});
