import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notification } from '../../db/schema/notifications.ts';
import { resolution } from '../../db/schema/deliberation.ts';
import { voteMatter } from '../../db/schema/voting.ts';
import { type Node, makeNode, makePerson } from '../../demo/factories.ts';
import { type Session, type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, accountFor } from '../../test/two-streets.ts';
import { makeEstate, makeMatter } from '../voting/test-data.ts';
import { makeCharter, makeResolution } from './test-data.ts';

let t: TestContext;
let community: Node, building: Node, otherCommunity: Node, otherBuilding: Node;
let secretary: RoleAccount, outsider: Session, resident: RoleAccount, neighbour: RoleAccount, stranger: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  const district = await makeNode(t.db, null, 'district', '测试区', 'R');
  const st = await makeNode(t.db, district, 'subdistrict', '测试街道', 'R-S');
  community = await makeNode(t.db, st, 'neighborhood', '龙潭居民区', 'R-C');
  const grid = await makeNode(t.db, community, 'grid', '一网格', 'R-G');
  building = await makeNode(t.db, grid, 'building', '1号楼', 'R-B');
  otherCommunity = await makeNode(t.db, st, 'neighborhood', '和平居民区', 'R-C2');
  otherBuilding = await makeNode(t.db, otherCommunity, 'building', '9号楼', 'R-B2');
  secretary = await accountFor(t, 'community_secretary', community, 'secretary');
  outsider = (await accountFor(t, 'community_secretary', otherCommunity, 'outsider')).session;
  resident = await accountFor(t, 'resident', building, 'resident', (await makePerson(t.db, t.pii, building, { name: '王建国' })).id);
  neighbour = await accountFor(t, 'party_member', building, 'neighbour', (await makePerson(t.db, t.pii, building, { name: '李红梅' })).id);
  stranger = await accountFor(t, 'resident', otherBuilding, 'stranger', (await makePerson(t.db, t.pii, otherBuilding, { name: '赵大海' })).id);
});
afterAll(() => t.close());

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);
const titled = async (node: Node, title: string, state: (typeof resolution.$inferSelect)['state'] = 'published') => {
  const r = await makeResolution(t.db, node, state);
  await t.db.update(resolution).set({ title, publishedAt: state === 'draft' ? null : new Date() }).where(eq(resolution.id, r.id));
  return r;
};
const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((i) => i.title);

describe('picking what adopted a version', () => {
  it('lists the community\'s published, in-progress and done resolutions — never drafts, withdrawn ones or another community\'s — and searches them', async () => {
    const { versions } = await makeCharter(t.db, community, [{ state: 'draft' }]);
    await titled(community, '关于文明养犬的决议');
    await titled(community, '关于加装电梯的决议', 'in_progress');
    await titled(community, '关于停车收费的决议', 'done');
    await titled(community, '草拟中的决议', 'draft');
    await titled(community, '撤回的决议', 'withdrawn');
    await titled(otherCommunity, '和平居民区的决议');
    const url = `/api/charter-versions/${versions[0]!.id}/adoption-sources`;
    const all = await as(t.app, secretary.session).get(`${url}?by=resolution`);
    expect(all.statusCode, all.body).toBe(200);
    expect(titles(all).sort()).toEqual(['关于停车收费的决议', '关于加装电梯的决议', '关于文明养犬的决议'].sort());
    expect(titles(await as(t.app, secretary.session).get(`${url}?by=resolution&q=${encodeURIComponent('养犬')}`))).toEqual(['关于文明养犬的决议']);
    expect((await as(t.app, outsider).get(`${url}?by=resolution`)).statusCode).toBe(404);
    expect((await as(t.app, resident.session).get(`${url}?by=resolution`)).statusCode).toBe(403);
    const bad = await as(t.app, secretary.session).get(`${url}?by=nothing`);
    expect([bad.statusCode, bad.json().errors[0].field]).toEqual([400, 'by']);
  });

  it('lists only the owners\' votes that closed as passed, of the charter\'s estate', async () => {
    const { estate } = await makeEstate(t.db, t.pii, community, [{ name: '业主甲', units: [['1-101', 9_000]] }], { name: '龙潭苑' });
    const { estate: otherEstate } = await makeEstate(t.db, t.pii, community, [{ name: '业主乙', units: [['2-101', 9_000]] }], { name: '龙潭新村' });
    const closed = async (estateId: string, title: string, verdict: string) => {
      const m = await makeMatter(t.db, estateId, { kind: 'rules_of_procedure', state: 'closed', title });
      await t.db.update(voteMatter).set({ result: { verdict } }).where(eq(voteMatter.id, m.id));
    };
    await closed(estate.id, '业主大会议事规则表决', 'passed');
    await closed(estate.id, '管理规约修订表决', 'failed');
    await closed(otherEstate.id, '龙潭新村议事规则表决', 'passed');
    await makeMatter(t.db, estate.id, { state: 'open', title: '仍在表决的事项' });
    const { versions } = await makeCharter(t.db, community, [{ state: 'draft' }], { estateId: estate.id, kind: 'rules_of_procedure' });
    const res = await as(t.app, secretary.session).get(`/api/charter-versions/${versions[0]!.id}/adoption-sources?by=matter`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ title: '业主大会议事规则表决', from: '龙潭苑' })]);
    const communityWide = await makeCharter(t.db, community, [{ state: 'draft' }]);
    expect(titles(await as(t.app, secretary.session).get(`/api/charter-versions/${communityWide.versions[0]!.id}/adoption-sources?by=matter`)).sort())
      .toEqual(['业主大会议事规则表决', '龙潭新村议事规则表决'].sort());
  });
});

describe('a comment period', () => {
  it('sends an in-app notice to the residents and party members of the charter\'s community, no one else, in the same step', async () => {
    const { charter, versions } = await makeCharter(t.db, community, [{ state: 'published' }, { state: 'draft' }], { title: '龙潭居民公约' });
    const res = await as(t.app, secretary.session).post(`/api/charter-versions/${versions[1]!.id}/comment-period`, { commentUntil: inDays(10).toISOString() });
    expect(res.statusCode, res.body).toBe(200);
    const sent = await t.db.select().from(notification).where(eq(notification.kind, 'charter.commenting'));
    const about = sent.filter((n) => n.link === `/m/charters/${charter.id}`);
    expect(about.map((n) => n.accountId).sort()).toEqual([resident.accountId, neighbour.accountId].sort());
    expect(about[0]).toMatchObject({ title: '《龙潭居民公约》第 2 版征求意见', params: { version: 2, charterId: charter.id } });
    // Opening it again is refused, and nobody is told twice.
    expect((await as(t.app, secretary.session).post(`/api/charter-versions/${versions[1]!.id}/comment-period`, { commentUntil: inDays(10).toISOString() })).statusCode).toBe(409);
    expect(await t.db.select().from(notification).where(and(eq(notification.kind, 'charter.commenting'), eq(notification.link, `/m/charters/${charter.id}`)))).toHaveLength(2);
  });

  it('lets a resident read, word by word, what the version in comment changes in the published one', async () => {
    const from = '第一条 爱护公共设施。\n第二条 邻里和睦。\n';
    const to = '第一条 爱护公共绿地和设施。\n第二条 邻里和睦。\n第三条 文明养犬。\n';
    const { charter } = await makeCharter(t.db, community, [{ state: 'superseded', text: '最早的文本' }, { state: 'published', text: from }, { state: 'commenting', text: to }]);
    const res = await as(t.app, resident.session).get(`/api/my/charters/${charter.id}/diff`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ from: 2, to: 3 });
    const segs: { added: boolean; removed: boolean; value: string }[] = res.json().segments;
    expect(segs.filter((s) => s.added).map((s) => s.value)).toEqual(['绿地和', '第三条 文明养犬。\n']);
    expect(segs.filter((s) => !s.removed).map((s) => s.value).join('')).toBe(to);
    expect(segs.filter((s) => !s.added).map((s) => s.value).join('')).toBe(from);

    expect((await as(t.app, stranger.session).get(`/api/my/charters/${charter.id}/diff`)).statusCode).toBe(404);
    expect((await as(t.app, secretary.session).get(`/api/my/charters/${charter.id}/diff`)).statusCode).toBe(403);
    const first = await makeCharter(t.db, community, [{ state: 'commenting', text: '第一条 新公约。' }]);
    expect((await as(t.app, resident.session).get(`/api/my/charters/${first.charter.id}/diff`)).json()).toMatchObject({ from: null, to: 1, segments: [{ added: true, value: '第一条 新公约。' }] });
    const settled = await makeCharter(t.db, community, [{ state: 'published' }, { state: 'draft', text: '未公开的草稿' }]);
    const none = await as(t.app, resident.session).get(`/api/my/charters/${settled.charter.id}/diff`);
    expect(none.statusCode).toBe(404);
    expect(none.body).not.toContain('未公开的草稿');
  });

  it('takes a resident\'s comment on the version in comment (residents and party members comment; staff do not)', async () => {
    const { versions } = await makeCharter(t.db, community, [{ state: 'published' }, { state: 'commenting' }]);
    const ok = await as(t.app, neighbour.session).post(`/api/my/charter-versions/${versions[1]!.id}/comments`, { text: '第三条建议写明遛狗须牵绳。' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ version: 2, authorName: '李*梅', mine: true });
    expect((await as(t.app, secretary.session).post(`/api/my/charter-versions/${versions[1]!.id}/comments`, { text: '工作人员' })).statusCode).toBe(403);
  });
});
