import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { territory } from '../../db/schema/territory.ts';
import { makeAccount, makeMember, makeNode, makePerson } from '../../demo/factories.ts';
import { TEST_PASSWORD, type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets, sessionFor } from '../../test/two-streets.ts';

let t: TestContext;
let f: TwoStreets;
let secretary: RoleAccount;
let resident: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  secretary = await accountFor(t, 'community_secretary', f.a.community);
  resident = await accountFor(t, 'resident', f.a.building);
});
afterAll(() => t.close());

const api = (a: RoleAccount) => as(t.app, a.session);
const ids = (items: { id: string }[]) => items.map((x) => x.id);

describe('bodies at a node', () => {
  it('creates a body at a node of the caller\'s community and audits it', async () => {
    const res = await api(secretary).post('/api/bodies', { territoryId: f.a.community.id, name: 'A居民区居委会', kind: 'residents_committee' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'A居民区居委会', kind: 'residents_committee', territoryId: f.a.community.id });
    const [record] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(record).toMatchObject({ action: 'body.create', actor: secretary.username, territoryId: f.a.community.id });
    expect(record!.after).toMatchObject({ name: 'A居民区居委会', kind: 'residents_committee' });
  });

  it('refuses an unknown kind, naming the field, and a node outside the community', async () => {
    const bad = await api(secretary).post('/api/bodies', { territoryId: f.a.community.id, name: '某组织', kind: 'club' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('kind');
    expect((await api(secretary).post('/api/bodies', { territoryId: f.b.community.id, name: '越界', kind: 'owners_committee' })).statusCode).toBe(404);
  });

  it('refuses a body on a retired node', async () => {
    const old = await makeNode(t.db, f.a.grid, 'building', '已拆除楼');
    await t.db.update(territory).set({ retired: true }).where(eq(territory.id, old.id));
    const res = await api(secretary).post('/api/bodies', { territoryId: old.id, name: '楼组', kind: 'party_group' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'territoryId', code: 'territory.retired' });
  });

  it('lists the bodies of a node, or of its whole subtree, within scope', async () => {
    const atNode = (await api(secretary).get(`/api/bodies?territoryId=${f.a.community.id}`)).json().items;
    expect(ids(atNode)).toContain(f.a.branch.id);
    expect(ids(atNode)).not.toContain(f.a.group.id);
    const subtree = (await api(secretary).get(`/api/bodies?territoryId=${f.a.community.id}&subtree=true`)).json().items;
    expect(ids(subtree)).toEqual(expect.arrayContaining([f.a.branch.id, f.a.group.id]));
    expect(subtree.find((b: { id: string }) => b.id === f.a.group.id).memberCount).toBe(1);
    const all = ids((await api(secretary).get('/api/bodies')).json().items);
    expect(all).not.toContain(f.b.branch.id);
    expect((await api(secretary).get(`/api/bodies?territoryId=${f.b.community.id}`)).statusCode).toBe(404);
  });

  it('shows a resident the bodies at their own node, not those above it', async () => {
    const seen = ids((await api(resident).get('/api/bodies')).json().items);
    expect(seen).toEqual([f.a.group.id]);
    expect((await api(resident).get(`/api/bodies/${f.a.branch.id}`)).statusCode).toBe(404);
    expect((await api(resident).post('/api/bodies', { territoryId: f.a.building.id, name: '楼组', kind: 'party_group' })).statusCode).toBe(403);
  });

  it('lists the bodies an account\'s person belongs to', async () => {
    const a = await makeAccount(t.db, { username: 'member-a', password: TEST_PASSWORD, personId: f.a.person.id, grants: [{ role: 'party_member', territoryId: f.a.community.id }] });
    const mine = ids((await as(t.app, await sessionFor(t, a.id)).get('/api/bodies?mine=true')).json().items);
    expect(mine).toEqual([f.a.group.id]);
  });

  it('renames a body, with the name before and after in the audit log', async () => {
    const res = await api(secretary).patch(`/api/bodies/${f.a.branch.id}`, { name: 'A居民区党总支部委员会' });
    expect(res.json().name).toBe('A居民区党总支部委员会');
    const [record] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'body.rename'));
    expect(record).toMatchObject({ before: { name: 'A居民区党总支' }, after: { name: 'A居民区党总支部委员会' } });
  });
});

describe('members and positions', () => {
  it('gives people positions, lists them secretary first, and ends a membership while keeping it in history', async () => {
    const sec = await makePerson(t.db, t.pii, f.a.building, { name: '王书记' });
    const dep = await makePerson(t.db, t.pii, f.a.building, { name: '李副书记' });
    const url = `/api/bodies/${f.a.branch.id}/members`;
    expect((await api(secretary).post(url, { personId: dep.id, position: 'deputy_secretary' })).statusCode).toBe(201);
    const added = await api(secretary).post(url, { personId: sec.id, position: 'secretary' });
    expect(added.statusCode).toBe(201);
    const detail = (await api(secretary).get(`/api/bodies/${f.a.branch.id}`)).json();
    expect(detail.members.map((m: { name: string; position: string }) => [m.name, m.position])).toEqual([['王书记', 'secretary'], ['李副书记', 'deputy_secretary']]);

    const again = await api(secretary).post(url, { personId: sec.id, position: 'secretary' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('personId');

    const end = await api(secretary).delete(`/api/bodies/${f.a.branch.id}/members/${added.json().id}`);
    expect(end.statusCode).toBe(204);
    const after = (await api(secretary).get(`/api/bodies/${f.a.branch.id}`)).json();
    expect(after.members.map((m: { name: string }) => m.name)).toEqual(['李副书记']);
    expect((await api(secretary).delete(`/api/bodies/${f.a.branch.id}/members/${added.json().id}`)).statusCode).toBe(404);
    const records = await t.db.select().from(auditLog).where(eq(auditLog.targetId, f.a.branch.id));
    expect(records.map((r) => r.action)).toEqual(expect.arrayContaining(['body.addMember', 'body.endMember']));
  });

  it('refuses an unknown position, naming the field', async () => {
    const res = await api(secretary).post(`/api/bodies/${f.a.branch.id}/members`, { personId: f.a.person.id, position: 'chairman' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('position');
  });

  it('refuses a person from outside the caller\'s territory, and a body outside it', async () => {
    const outsider = await api(secretary).post(`/api/bodies/${f.a.branch.id}/members`, { personId: f.b.person.id, position: 'member' });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().errors[0]).toMatchObject({ field: 'personId', code: 'body.personOutOfScope' });
    const body = await api(secretary).post(`/api/bodies/${f.b.branch.id}/members`, { personId: f.a.person.id, position: 'member' });
    expect(body.statusCode).toBe(404);
    expect((await api(secretary).get(`/api/bodies/${f.b.branch.id}`)).statusCode).toBe(404);
    expect((await api(secretary).patch(`/api/bodies/${f.b.branch.id}`, { name: '越界' })).statusCode).toBe(404);
  });

  it('ends only a membership of the body named in the path', async () => {
    const p = await makePerson(t.db, t.pii, f.a.building);
    await makeMember(t.db, f.a.group.id, p.id, 'member');
    const detail = (await api(secretary).get(`/api/bodies/${f.a.group.id}`)).json();
    const memberId = detail.members.find((m: { personId: string }) => m.personId === p.id).id;
    expect((await api(secretary).delete(`/api/bodies/${f.a.branch.id}/members/${memberId}`)).statusCode).toBe(404);
    expect((await api(secretary).get(`/api/bodies/${f.a.group.id}`)).json().members.map((m: { id: string }) => m.id)).toContain(memberId);
  });
});
