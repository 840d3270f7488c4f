import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { mediationParty } from '../../db/schema/deliberation.ts';
import { demandEvent, demandLink } from '../../db/schema/demands.ts';
import { type Node, makeBody, makeMember, makeNode, makePerson } from '../../demo/factories.ts';
import { type Session, type TestContext, as, createTestContext } from '../../test/harness.ts';
import { accountFor } from '../../test/two-streets.ts';
import { makeDemand } from '../demands/fixtures.ts';

let t: TestContext;
let district: Node, community: Node, grid: Node, otherGrid: Node, otherStreetGrid: Node;
let worker: Session, gridWorker: Session, otherGridWorker: Session, streetAdmin: Session;
let neighbour: { id: string }, mediator: { id: string }, company: { id: string };

beforeAll(async () => {
  t = await createTestContext();
  district = await makeNode(t.db, null, 'district', '测试区', 'M');
  const st = await makeNode(t.db, district, 'subdistrict', '测试街道', 'M-S');
  community = await makeNode(t.db, st, 'neighborhood', '龙潭居民区', 'M-C');
  grid = await makeNode(t.db, community, 'grid', '一网格', 'M-G');
  otherGrid = await makeNode(t.db, community, 'grid', '二网格', 'M-G2');
  const st2 = await makeNode(t.db, district, 'subdistrict', '别的街道', 'M-S2');
  otherStreetGrid = await makeNode(t.db, await makeNode(t.db, st2, 'neighborhood', '别的居民区', 'M-C3'), 'grid', '别的网格', 'M-G3');
  worker = (await accountFor(t, 'community_worker', community, 'worker')).session;
  gridWorker = (await accountFor(t, 'grid_worker', grid, 'grid')).session;
  otherGridWorker = (await accountFor(t, 'grid_worker', otherGrid, 'grid2')).session;
  streetAdmin = (await accountFor(t, 'street_admin', st, 'street')).session;
  neighbour = await makePerson(t.db, t.pii, grid, { name: '赵文明', phone: '13911112222' });
  mediator = await makePerson(t.db, t.pii, community, { name: '老娘舅陈' });
  const committee = await makeBody(t.db, community, 'residents_committee', '龙潭居委会');
  await makeMember(t.db, committee.id, mediator.id, 'mediator');
  company = await makeBody(t.db, community, 'property_company', '绿城物业');
});
afterAll(() => t.close());

async function open(extra: object = {}, s = gridWorker) {
  const res = await as(t.app, s).post('/api/mediation-cases', {
    territoryId: grid.id, kind: 'neighbour', title: '楼上漏水纠纷', description: '502 漏水到 402。',
    parties: [{ side: 'applicant', name: '钱多多', phone: '138 1234 5678' }, { side: 'respondent', personId: neighbour.id }], ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('mediation cases', () => {
  it('run from sessions to an agreement every party signs, then a follow-up visit closes them', async () => {
    const c = await open({ mediatorPersonId: mediator.id });
    expect(c.no).toMatch(new RegExp(`^TJ${new Date().getFullYear()}-\\d{5}$`));
    expect(c).toMatchObject({ state: 'open', mediator: { name: '老娘舅陈' }, actions: expect.arrayContaining(['session', 'agreement', 'fail']) });
    const url = `/api/mediation-cases/${c.id}`;
    const session = await as(t.app, gridWorker).post(`${url}/sessions`, { heldAt: new Date().toISOString(), place: '居委会调解室', notes: '双方陈述，查看漏水点。' });
    expect(session.json()).toMatchObject({ state: 'in_mediation', sessions: [{ place: '居委会调解室', notes: '双方陈述，查看漏水点。' }] });
    const [applicant, respondent] = [c.partyList.find((p: { side: string }) => p.side === 'applicant'), c.partyList.find((p: { side: string }) => p.side === 'respondent')];
    const early = await as(t.app, gridWorker).post(`${url}/parties/${applicant.id}/sign`);
    expect([early.statusCode, early.json().code]).toEqual([409, 'mediation.noAgreement']);
    await as(t.app, gridWorker).post(`${url}/agreement`, { text: '502 业主一周内修复防水层，并赔偿 402 粉刷费 800 元。' });
    const one = await as(t.app, gridWorker).post(`${url}/parties/${applicant.id}/sign`);
    expect(one.json().state).toBe('in_mediation');
    expect((await as(t.app, gridWorker).post(`${url}/parties/${applicant.id}/sign`)).json().code).toBe('mediation.alreadySigned');
    const all = await as(t.app, gridWorker).post(`${url}/parties/${respondent.id}/sign`);
    expect(all.json()).toMatchObject({ state: 'agreed', actions: ['followUp'] });
    expect(all.json().agreedAt).not.toBeNull();
    expect((await as(t.app, gridWorker).post(`${url}/sessions`, { heldAt: new Date().toISOString(), notes: '再谈' })).statusCode).toBe(409);
    const closed = await as(t.app, gridWorker).post(`${url}/follow-up`, { visitedOn: '2026-04-01', note: '防水已修复，双方满意。' });
    expect(closed.json()).toMatchObject({ state: 'closed', followUpOn: '2026-04-01', followUpNote: '防水已修复，双方满意。' });
    const actions = (await t.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, c.id))).map((r) => r.a);
    expect(actions).toEqual(['mediation.create', 'mediation.session', 'mediation.agreement', 'mediation.sign', 'mediation.sign', 'mediation.followUp']);
  });

  it('show parties only masked, keeping names and phones encrypted at rest', async () => {
    const c = await open();
    const res = await as(t.app, streetAdmin).get(`/api/mediation-cases/${c.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().partyList.map((p: { name: string; phone: string | null }) => [p.name, p.phone])).toEqual([['钱*多', '138****5678'], ['赵*明', '139****2222']]);
    for (const secret of ['钱多多', '13812345678', '赵文明', '13911112222']) expect(res.body).not.toContain(secret);
    const list = await as(t.app, worker).get('/api/mediation-cases');
    expect(list.body).not.toContain('钱多多');
    const rows = await t.db.select().from(mediationParty).where(eq(mediationParty.caseId, c.id));
    expect(rows.every((r) => r.nameEnc.startsWith('v1:'))).toBe(true);
    expect(rows.map((r) => t.pii.decrypt(r.nameEnc)).sort()).toEqual(['赵文明', '钱多多'].sort());
    const withCompany = await as(t.app, worker).post(`/api/mediation-cases/${c.id}/parties`, { side: 'respondent', bodyId: company.id });
    expect(withCompany.json().partyList.map((p: { name: string; kind: string }) => [p.kind, p.name])).toContainEqual(['body', '绿城物业']);
    const bad = await as(t.app, worker).post(`/api/mediation-cases/${c.id}/parties`, { side: 'respondent', name: '孙某', phone: '12345' });
    expect([bad.statusCode, bad.json().errors[0].field]).toEqual([422, 'party.phone']);
    const two = await as(t.app, worker).post(`/api/mediation-cases/${c.id}/parties`, { side: 'respondent', name: '孙某', personId: neighbour.id });
    expect([two.statusCode, two.json().errors[0].field]).toEqual([422, 'party']);
  });

  it('are handled by the staff of their place: another grid’s worker and the street read-only', async () => {
    const c = await open();
    expect((await as(t.app, otherGridWorker).get(`/api/mediation-cases/${c.id}`)).statusCode).toBe(404);
    expect((await as(t.app, otherGridWorker).get('/api/mediation-cases')).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await as(t.app, streetAdmin).get(`/api/mediation-cases/${c.id}`)).json().actions).toEqual([]);
    expect((await as(t.app, streetAdmin).post(`/api/mediation-cases/${c.id}/fail`, { reason: 'x' })).statusCode).toBe(403);
    const outside = await as(t.app, worker).post('/api/mediation-cases', { territoryId: otherStreetGrid.id, kind: 'other', title: '外街道' });
    expect(outside.statusCode).toBe(404);
    const farMediator = await makePerson(t.db, t.pii, otherStreetGrid);
    const bad = await as(t.app, worker).post(`/api/mediation-cases/${c.id}/mediator`, { personId: farMediator.id });
    expect([bad.statusCode, bad.json().errors[0].field]).toEqual([422, 'mediatorPersonId']);
    const offered = (await as(t.app, worker).get(`/api/mediators?territoryId=${grid.id}`)).json().items;
    expect(offered).toEqual([{ id: mediator.id, name: '老娘舅陈', bodyName: '龙潭居委会', near: true }]);
  });

  it('fail with the reason recorded, and then take no more steps', async () => {
    const c = await open();
    const res = await as(t.app, worker).post(`/api/mediation-cases/${c.id}/fail`, { reason: '被申请人拒绝调解，建议诉讼。' });
    expect(res.json()).toMatchObject({ state: 'failed', failReason: '被申请人拒绝调解，建议诉讼。', actions: [] });
    expect((await as(t.app, worker).post(`/api/mediation-cases/${c.id}/agreement`, { text: '…' })).json().code).toBe('mediation.wrongState');
  });

  it('start from a demand: the demand links to the case and shows a link step; a demand of another community is refused', async () => {
    const d = await makeDemand(t, { at: grid, districtId: district.id, category: 'neighbour-dispute', description: '楼上漏水' });
    const c = await open({ demandId: d.id }, worker);
    expect(c.demand).toEqual({ id: d.id, no: d.no });
    const links = await t.db.select().from(demandLink).where(and(eq(demandLink.demandId, d.id), eq(demandLink.targetType, 'mediation_case')));
    expect(links.map((l) => l.targetId)).toEqual([c.id]);
    const steps = await t.db.select().from(demandEvent).where(and(eq(demandEvent.demandId, d.id), eq(demandEvent.action, 'link')));
    expect(steps).toHaveLength(1);
    expect(steps[0]!.data).toEqual({ targetType: 'mediation_case', targetId: c.id });
    const elsewhere = await makeDemand(t, { at: otherStreetGrid, districtId: district.id });
    expect((await as(t.app, worker).post('/api/mediation-cases', { territoryId: grid.id, kind: 'other', title: 'x', demandId: elsewhere.id })).statusCode).toBe(404);
  });

  it('write nothing when one of the parties is refused', async () => {
    const before = (await as(t.app, worker).get('/api/mediation-cases')).json().items.length;
    const res = await as(t.app, worker).post('/api/mediation-cases', {
      territoryId: grid.id, kind: 'neighbour', title: '半途而废', parties: [{ side: 'applicant', name: '甲' }, { side: 'respondent', personId: (await makePerson(t.db, t.pii, otherStreetGrid)).id }],
    });
    expect([res.statusCode, res.json().errors[0].field]).toEqual([422, 'parties.1.personId']);
    expect((await as(t.app, worker).get('/api/mediation-cases')).json().items.length).toBe(before);
  });
});
