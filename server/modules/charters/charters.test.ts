import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { charterVersion } from '../../db/schema/deliberation.ts';
import { voteMatter } from '../../db/schema/voting.ts';
import { type Node, makeNode, makePerson } from '../../demo/factories.ts';
import { type Session, type TestContext, as, createTestContext } from '../../test/harness.ts';
import { accountFor } from '../../test/two-streets.ts';
import { makeEstate, makeMatter } from '../voting/test-data.ts';
import { diffTexts } from './rules.ts';
import { makeCharter, makeResolution } from './test-data.ts';

let t: TestContext;
let community: Node, building: Node, otherCommunity: Node;
let secretary: Session, outsider: Session, resident: Session, street: Session;

beforeAll(async () => {
  t = await createTestContext();
  const district = await makeNode(t.db, null, 'district', '测试区', 'H');
  const st = await makeNode(t.db, district, 'subdistrict', '测试街道', 'H-S');
  community = await makeNode(t.db, st, 'neighborhood', '龙潭居民区', 'H-C');
  const grid = await makeNode(t.db, community, 'grid', '一网格', 'H-G');
  building = await makeNode(t.db, grid, 'building', '1号楼', 'H-B');
  otherCommunity = await makeNode(t.db, st, 'neighborhood', '和平居民区', 'H-C2');
  secretary = (await accountFor(t, 'community_secretary', community, 'secretary')).session;
  outsider = (await accountFor(t, 'community_secretary', otherCommunity, 'outsider')).session;
  street = (await accountFor(t, 'street_admin', st, 'street')).session;
  const p = await makePerson(t.db, t.pii, building, { name: '王建国' });
  resident = (await accountFor(t, 'resident', building, 'resident', p.id)).session;
});
afterAll(() => t.close());

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);

async function newCharter(text = '第一条 居民应当爱护公共设施。') {
  const res = await as(t.app, secretary).post('/api/charters', { territoryId: community.id, kind: 'convention', title: '龙潭社区居民自治公约', text });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; versions: { id: string; version: number; state: string }[] };
}

describe('charters', () => {
  it('belong to a community in the caller’s territory and start as a draft; the street reads, others do not', async () => {
    const onBuilding = await as(t.app, secretary).post('/api/charters', { territoryId: building.id, kind: 'convention', title: '楼组公约', text: '第一条' });
    expect([onBuilding.statusCode, onBuilding.json().errors[0].field]).toEqual([422, 'territoryId']);
    expect((await as(t.app, outsider).post('/api/charters', { territoryId: community.id, kind: 'convention', title: '别人的', text: '第一条' })).statusCode).toBe(404);
    const c = await newCharter();
    expect(c.versions.map((v) => [v.version, v.state])).toEqual([[1, 'draft']]);
    expect((await as(t.app, street).get(`/api/charters/${c.id}`)).statusCode).toBe(200);
    expect((await as(t.app, outsider).get(`/api/charters/${c.id}`)).statusCode).toBe(404);
    expect((await as(t.app, outsider).get('/api/charters')).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await as(t.app, street).post(`/api/charters/${c.id}/drafts`)).statusCode).toBe(403);
  });

  it('edit only drafts: once out for comment the text is frozen', async () => {
    const c = await newCharter();
    const v = c.versions[0]!.id;
    const edited = await as(t.app, secretary).patch(`/api/charter-versions/${v}`, { text: '第一条 居民应当爱护公共绿地。' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().versions[0].text).toBe('第一条 居民应当爱护公共绿地。');
    const past = await as(t.app, secretary).post(`/api/charter-versions/${v}/comment-period`, { commentUntil: inDays(-1).toISOString() });
    expect([past.statusCode, past.json().errors[0].field]).toEqual([422, 'commentUntil']);
    expect((await as(t.app, secretary).post(`/api/charter-versions/${v}/comment-period`, { commentUntil: inDays(7).toISOString() })).statusCode).toBe(200);
    const frozen = await as(t.app, secretary).patch(`/api/charter-versions/${v}`, { text: '改动' });
    expect([frozen.statusCode, frozen.json().code]).toEqual([409, 'charter.notDraft']);
    const [row] = await t.db.select().from(charterVersion).where(eq(charterVersion.id, v));
    expect(row!.text).toBe('第一条 居民应当爱护公共绿地。');
  });

  it('take residents’ comments only while the comment period is open, and adopt only after it closed', async () => {
    const c = await newCharter();
    const v = c.versions[0]!.id;
    const early = await as(t.app, resident).post(`/api/my/charter-versions/${v}/comments`, { text: '建议增加文明养犬条款。' });
    expect(early.statusCode).toBe(404); // a draft is not shown to residents at all
    await as(t.app, secretary).post(`/api/charter-versions/${v}/comment-period`, { commentUntil: inDays(3).toISOString() });
    const mine = await as(t.app, resident).get('/api/my/charters');
    expect(mine.json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    const ok = await as(t.app, resident).post(`/api/my/charter-versions/${v}/comments`, { text: '建议增加文明养犬条款。' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().authorName).toBe('王*国');
    const resolutionId = (await makeResolution(t.db, community)).id;
    const tooSoon = await as(t.app, secretary).post(`/api/charter-versions/${v}/adopt`, { resolutionId });
    expect([tooSoon.statusCode, tooSoon.json().code]).toEqual([409, 'charter.commentOpen']);
    await t.db.update(charterVersion).set({ commentUntil: new Date(Date.now() - 1000) }).where(eq(charterVersion.id, v));
    const late = await as(t.app, resident).post(`/api/my/charter-versions/${v}/comments`, { text: '再补充一条。' });
    expect([late.statusCode, late.json().code]).toEqual([409, 'charter.commentClosed']);
    const comments = (await as(t.app, secretary).get(`/api/charter-versions/${v}/comments`)).json().items;
    expect(comments.map((x: { text: string }) => x.text)).toEqual(['建议增加文明养犬条款。']);
    expect((await as(t.app, secretary).post(`/api/charter-versions/${v}/adopt`, { resolutionId })).statusCode).toBe(200);
  });

  it('are adopted by an existing resolution of the same community or by an owners’ vote that passed — nothing else', async () => {
    const c = await newCharter();
    const v = c.versions[0]!.id;
    const adopt = (body: object) => as(t.app, secretary).post(`/api/charter-versions/${v}/adopt`, body);
    const neither = await adopt({});
    expect(neither.statusCode).toBe(422);
    const both = await adopt({ resolutionId: (await makeResolution(t.db, community)).id, matterId: (await makeResolution(t.db, community)).id });
    expect(both.statusCode).toBe(422);
    const unknown = await adopt({ resolutionId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.statusCode, unknown.json().errors[0].field]).toEqual([422, 'resolutionId']);
    expect((await adopt({ resolutionId: (await makeResolution(t.db, otherCommunity)).id })).statusCode).toBe(422);
    expect((await adopt({ resolutionId: (await makeResolution(t.db, community, 'withdrawn')).id })).statusCode).toBe(422);
    const { estate } = await makeEstate(t.db, t.pii, community, [{ name: '业主甲', units: [['1-101', 9_000]] }]);
    const open = await makeMatter(t.db, estate.id, { kind: 'other_major', state: 'open' });
    expect([(await adopt({ matterId: open.id })).statusCode, (await adopt({ matterId: open.id })).json().errors[0].field]).toEqual([422, 'matterId']);
    const failed = await makeMatter(t.db, estate.id, { kind: 'other_major', state: 'closed' });
    await t.db.update(voteMatter).set({ result: { verdict: 'failed' } }).where(eq(voteMatter.id, failed.id));
    expect((await adopt({ matterId: failed.id })).statusCode).toBe(422);
    const passed = await makeMatter(t.db, estate.id, { kind: 'other_major', state: 'closed' });
    await t.db.update(voteMatter).set({ result: { verdict: 'passed' } }).where(eq(voteMatter.id, passed.id));
    const ok = await adopt({ matterId: passed.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().versions[0]).toMatchObject({ state: 'adopted', adoptedByMatterId: passed.id, adoptedByResolutionId: null });
    expect((await adopt({ matterId: passed.id })).json().code).toBe('charter.wrongState');
  });

  it('keep exactly one published version when publications race', async () => {
    const { charter, versions } = await makeCharter(t.db, community, [{ state: 'published' }, { state: 'adopted' }, { state: 'adopted' }]);
    const results = await Promise.all([versions[1]!, versions[2]!, versions[1]!, versions[2]!].map((v) => as(t.app, secretary).post(`/api/charter-versions/${v.id}/publish`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 409, 409]);
    const rows = await t.db.select().from(charterVersion).where(eq(charterVersion.charterId, charter.id));
    expect(rows.filter((r) => r.state === 'published')).toHaveLength(1);
    expect(rows.filter((r) => r.state === 'superseded')).toHaveLength(2);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'charter.publish')));
    expect(audits.filter((a) => versions.some((v) => v.id === a.targetId))).toHaveLength(2);
  });

  it('start the next draft from the published text, one at a time', async () => {
    const { charter } = await makeCharter(t.db, community, [{ state: 'superseded', text: '旧文本' }, { state: 'published', text: '现行文本\n' }]);
    const res = await as(t.app, secretary).post(`/api/charters/${charter.id}/drafts`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().versions[0]).toMatchObject({ version: 3, state: 'draft', text: '现行文本\n' });
    const again = await as(t.app, secretary).post(`/api/charters/${charter.id}/drafts`);
    expect([again.statusCode, again.json().code]).toEqual([409, 'charter.draftOpen']);
  });

  it('show what changed between two versions, a changed line word by word', async () => {
    const from = '第一条 居民应当爱护公共设施，不得乱扔垃圾。\n第二条 邻里和睦。\n';
    const to = '第一条 居民应当爱护公共绿地和设施，不得高空抛物。\n第二条 邻里和睦。\n第三条 文明养犬。\n';
    const { charter } = await makeCharter(t.db, community, [{ state: 'published', text: from }, { state: 'draft', text: to }]);
    const res = await as(t.app, secretary).get(`/api/charters/${charter.id}/diff?from=1&to=2`);
    expect(res.statusCode, res.body).toBe(200);
    const segs: { added: boolean; removed: boolean; value: string }[] = res.json().segments;
    expect(segs.filter((s) => s.added).map((s) => s.value)).toEqual(['绿地和', '高空抛物', '第三条 文明养犬。\n']);
    expect(segs.filter((s) => s.removed).map((s) => s.value)).toEqual(['乱扔垃圾']);
    expect(segs.filter((s) => !s.added).map((s) => s.value).join('')).toBe(from);
    expect(segs.filter((s) => !s.removed).map((s) => s.value).join('')).toBe(to);
    const missing = await as(t.app, secretary).get(`/api/charters/${charter.id}/diff?from=1&to=9`);
    expect([missing.statusCode, missing.json().errors[0].field]).toEqual([422, 'to']);
    expect(diffTexts('同', '同')).toEqual([{ added: false, removed: false, value: '同' }]);
  });

  it('show residents only published versions and the one open for comment', async () => {
    const { charter } = await makeCharter(t.db, community, [{ state: 'published', text: '现行' }, { state: 'draft', text: '草稿中的秘密' }]);
    const res = await as(t.app, resident).get(`/api/my/charters/${charter.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().versions.map((v: { state: string }) => v.state)).toEqual(['published']);
    expect(res.body).not.toContain('草稿中的秘密');
    const draftOnly = await makeCharter(t.db, community, [{ state: 'draft' }]);
    expect((await as(t.app, resident).get('/api/my/charters')).json().items.map((x: { id: string }) => x.id)).not.toContain(draftOnly.charter.id);
  });
});
