/**
 * An Open311 client's story: it lists the services, posts a request with its key (form and JSON),
 * reads it back by id, by token and in the list with every filter, in XML and JSON alike — and
 * never sees who asked or how to reach them.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { demand, demandCategory, demandEvent } from '../../db/schema/demands.ts';
import { makeNode } from '../../demo/factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { createDemand } from '../demands/actions/create-demand.ts';
import { ensureDefaultCategories } from '../demands/default-categories.ts';
import { readXml, recordsOf } from './xml-reader.ts';

let t: TestContext;
let f: TwoStreets;
let sys: RoleAccount;
let keyA: string;
let keyStreetA: string;
let keyB: string;

const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
});
const get = (url: string) => t.app.inject({ method: 'GET', url });
const postForm = (url: string, fields: Record<string, string>) => t.app.inject({ method: 'POST', url, ...form(fields) });
const postJson = (url: string, body: unknown) => t.app.inject({ method: 'POST', url, payload: body as object });

/** JSON values as the XML carries them: text, with null as the empty element. */
const asText = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])));

/** Reads the same resource in both formats and checks they say the same thing. */
async function both(path: string, root: string, item: string) {
  const json = await get(`/open311/v2/${path.replace('{f}', 'json')}`);
  const xml = await get(`/open311/v2/${path.replace('{f}', 'xml')}`);
  expect(json.statusCode, json.body).toBe(200);
  expect(xml.statusCode, xml.body).toBe(200);
  expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
  const parsed = readXml(xml.body);
  expect(parsed.name).toBe(root);
  const rows = json.json() as Record<string, unknown>[];
  expect(recordsOf(parsed, item)).toEqual(asText(rows));
  return { rows, xml: xml.body, json: json.body };
}

async function issue(territoryId: string, name: string) {
  const res = await as(t.app, sys.session).post('/api/open311-keys', { name, territoryId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().key as string;
}

const posted = {
  service_code: 'elevator',
  lat: '31.032100',
  long: '121.227400',
  address_string: '龙潭路 88 弄',
  first_name: '三',
  last_name: '张',
  phone: '138 1234 5678',
  email: 'zhang@example.com',
  description: '3号楼电梯困人 <已报警> & 请尽快处理。我是张三，电话13812345678',
};

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  await ensureDefaultCategories(t.db, f.district.id);
  sys = await accountFor(t, 'sysadmin', f.district, 'sys');
  keyA = await issue(f.a.community.id, '社区 App');
  keyStreetA = await issue(f.a.street.id, 'A 街道热线');
  keyB = await issue(f.b.community.id, 'B 社区 App');
});
afterAll(() => t.close());

describe('services', () => {
  it('lists the district\'s active categories in both formats, as realtime services without metadata', async () => {
    const { rows } = await both('services.{f}', 'services', 'service');
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({
      service_code: 'elevator', service_name: '电梯故障', description: '电梯停运、困人、异响等',
      metadata: false, type: 'realtime', keywords: '电梯,困人,停运', group: '物业管理',
    });
  });

  it('leaves out a retired category', async () => {
    await t.db.update(demandCategory).set({ retiredAt: new Date() }).where(eq(demandCategory.code, 'other'));
    const { rows } = await both('services.{f}', 'services', 'service');
    expect(rows.map((r) => r.service_code)).not.toContain('other');
    await t.db.update(demandCategory).set({ retiredAt: null }).where(eq(demandCategory.code, 'other'));
  });

  it('escapes markup in XML and keeps Chinese as it is, exactly', async () => {
    const other = await makeNode(t.db, null, 'district', '另一区', 'T2');
    await t.db.insert(demandCategory).values({
      districtId: other.id, code: 'lift', name: '电梯<故障> & "困人"', description: "它's <b>坏</b>", groupName: '物业&管理',
      keywords: '', defaultHandler: 'property_company', deadlineDays: 2,
    });
    const res = await get('/open311/v2/services.xml?jurisdiction_id=T2');
    expect(res.body).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>lift</service_code>'
      + '<service_name>电梯&lt;故障&gt; &amp; &quot;困人&quot;</service_name><description>它&apos;s &lt;b&gt;坏&lt;/b&gt;</description>'
      + '<metadata>false</metadata><type>realtime</type><keywords/><group>物业&amp;管理</group></service></services>\n');
    expect(recordsOf(readXml(res.body), 'service')[0]!.service_name).toBe('电梯<故障> & "困人"');
  });

  it('asks for jurisdiction_id once there are two districts, and knows none it does not have', async () => {
    const missing = await get('/open311/v2/services.json');
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual([{ code: 400, description: expect.stringContaining('jurisdiction_id') }]);
    const unknown = await get('/open311/v2/services.xml?jurisdiction_id=NOPE');
    expect(unknown.statusCode).toBe(404);
    expect(recordsOf(readXml(unknown.body), 'error')).toEqual([{ code: '404', description: expect.stringContaining('NOPE') }]);
  });

  it('defines a service with no attributes, and answers 404 for an unknown code', async () => {
    const json = await get('/open311/v2/services/elevator.json?jurisdiction_id=T');
    expect(json.json()).toEqual({ service_code: 'elevator', attributes: [] });
    const xml = await get('/open311/v2/services/water-leak.xml?jurisdiction_id=T');
    expect(xml.body).toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>water-leak</service_code><attributes/></service_definition>\n');
    for (const fmt of ['json', 'xml']) {
      const res = await get(`/open311/v2/services/no-such.${fmt}?jurisdiction_id=T`);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('no-such');
    }
  });

  it('refuses a format it does not speak, in XML', async () => {
    const res = await get('/open311/v2/services.csv?jurisdiction_id=T');
    expect(res.statusCode).toBe(400);
    expect(recordsOf(readXml(res.body), 'error')[0]!.description).toContain('csv');
  });
});

describe('a request posted and read back', () => {
  let no: string;

  it('takes the specification\'s form, answers the id at once, and lands at the key\'s node as an open311 demand', async () => {
    const res = await postForm('/open311/v2/requests.xml', { api_key: keyA, ...posted, 'attribute[x]': '1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const [answer] = recordsOf(readXml(res.body), 'request');
    expect(answer).toEqual({ service_request_id: expect.stringMatching(/^SQ\d{13}$/), service_notice: expect.stringContaining('A居民区'), account_id: '' });
    no = answer!.service_request_id!;
    const [row] = await t.db.select().from(demand).where(eq(demand.no, no));
    expect(row).toMatchObject({ channel: 'open311', territoryId: f.a.community.id, address: '龙潭路 88 弄', lat: 31.0321, lng: 121.2274, createdBy: sys.accountId });
    expect(t.pii.decrypt(row!.contactNameEnc!)).toBe('张三');
    expect(t.pii.decrypt(row!.contactPhoneEnc!)).toBe('13812345678');
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'demand.create'), eq(auditLog.targetId, row!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor).toBe('Open311：社区 App');
  });

  it('takes JSON too, and a place below the key\'s node by its code', async () => {
    const res = await postJson('/open311/v2/requests.json', { api_key: keyA, service_code: 'noise', address_id: f.a.building.code, description: '楼上装修噪音' });
    expect(res.statusCode, res.body).toBe(200);
    const [answer] = res.json();
    expect(Object.keys(answer)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    const [row] = await t.db.select().from(demand).where(eq(demand.no, answer.service_request_id));
    expect(row).toMatchObject({ territoryId: f.a.building.id, gridId: f.a.grid.id, contactNameEnc: null });
  });

  it('keeps media_url as a photo link on the demand\'s first step, checks the email and stores it nowhere', async () => {
    const mediaUrl = 'https://img.example.com/lift/42.jpg?size=large';
    const res = await postForm('/open311/v2/requests.json', { api_key: keyA, ...posted, email: 'li.si@example.com', media_url: mediaUrl });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.db.select().from(demand).where(eq(demand.no, res.json()[0].service_request_id));
    const steps = await t.db.select().from(demandEvent).where(eq(demandEvent.demandId, row!.id));
    expect(steps.map((s) => [s.action, s.data])).toEqual([['submit', { channel: 'open311', mediaUrl }]]);
    const [created] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'demand.create'), eq(auditLog.targetId, row!.id)));
    expect(JSON.stringify(created)).toContain(mediaUrl);
    for (const kept of [row, steps, created]) expect(JSON.stringify(kept)).not.toContain('li.si@example.com');
    // Clients read requests without photos: the link is for the staff who handle it.
    const [read] = (await get(`/open311/v2/requests/${row!.no}.json?api_key=${keyA}`)).json();
    expect(read.media_url).toBeNull();
  });

  it('refuses an email that is not one and a media_url that is not a web address, naming each, and creates nothing', async () => {
    const before = (await t.db.select({ id: demand.id }).from(demand)).length;
    const refused: [string, string][] = [['email', 'not-an-email'], ['media_url', 'javascript:alert(1)'], ['media_url', 'ftp://files.example.com/a.jpg'], ['media_url', '照片']];
    for (const [field, value] of refused) {
      const res = await postForm('/open311/v2/requests.json', { api_key: keyA, ...posted, [field]: value });
      expect(res.statusCode, `${field}=${value}`).toBe(400);
      expect(res.json()).toEqual([{ code: 400, description: expect.stringContaining(field) }]);
    }
    const xml = await postForm('/open311/v2/requests.xml', { api_key: keyA, ...posted, media_url: 'nope' });
    expect(recordsOf(readXml(xml.body), 'error')).toEqual([{ code: '400', description: '参数 media_url 不正确：应为以 http:// 或 https:// 开头的网址。' }]);
    expect((await t.db.select({ id: demand.id }).from(demand)).length).toBe(before);
  });

  it('reads it by id in both formats: open, with the category, place and notice, masked and escaped', async () => {
    const { rows, xml } = await both(`requests/${no}.{f}?api_key=${keyA}`, 'service_requests', 'request');
    expect(rows).toEqual([{
      service_request_id: no, status: 'open', status_notes: '已提交，等待受理。', service_name: '电梯故障', service_code: 'elevator',
      description: '3号楼电梯困人 <已报警> & 请尽快处理。我是张*，电话138****5678',
      agency_responsible: '物业公司', service_notice: '受理后2个工作日内办结。',
      requested_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
      updated_datetime: expect.stringMatching(/\+08:00$/), expected_datetime: null,
      address: '龙潭路 88 弄, A居民区', address_id: 'T-A-C', zipcode: null, lat: 31.0321, long: 121.2274, media_url: null,
    }]);
    expect(xml).toContain('<description>3号楼电梯困人 &lt;已报警&gt; &amp; 请尽快处理。我是张*，电话138****5678</description>');
  });

  it('resolves its token to the id, in both formats', async () => {
    const [row] = await t.db.select({ token: demand.token }).from(demand).where(eq(demand.no, no));
    const { rows } = await both(`tokens/${row!.token}.{f}`, 'service_requests', 'request');
    expect(rows).toEqual([{ service_request_id: no, token: row!.token }]);
    expect((await get('/open311/v2/tokens/00000000-0000-4000-8000-000000000000.json')).statusCode).toBe(404);
    expect((await get('/open311/v2/tokens/not-a-token.xml')).statusCode).toBe(404);
  });

  it('answers 404 for a request outside the key\'s node, as for one that does not exist', async () => {
    for (const id of [no, 'SQ2099010100001']) {
      const res = await get(`/open311/v2/requests/${id}.json?api_key=${keyB}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual([{ code: 404, description: expect.stringContaining(id) }]);
    }
  });
});

describe('the request list and its filters', () => {
  const nos: Record<string, string> = {};
  const list = async (query: string) => (await both(`requests.{f}?api_key=${keyA}&${query}`, 'service_requests', 'request')).rows.map((r) => r.service_request_id);

  beforeAll(async () => {
    const make = async (name: string, code: string, at: string, extra: Partial<Parameters<typeof createDemand>[3]> = {}) => {
      const [cat] = await t.db.select().from(demandCategory).where(and(eq(demandCategory.code, code), eq(demandCategory.districtId, f.district.id)));
      const row = await t.db.transaction((tx) => createDemand(tx, t.pii, { system: 'test' }, {
        territoryId: at, categoryId: cat!.id, channel: 'phone', description: `${name}：${code}`, ...extra,
      }));
      nos[name] = row.no;
      return row;
    };
    await make('parking', 'parking', f.a.grid.id, { reporterPersonId: f.a.person.id, room: '101', description: `甲居民反映停车难`, contactPhone: '13900001111' });
    const rejected = await make('rejected', 'garbage', f.a.building.id);
    await t.db.update(demand).set({ state: 'rejected', rejectReason: '不属于本社区' }).where(eq(demand.id, rejected.id));
    const resolved = await make('resolved', 'garbage', f.a.community.id);
    await t.db.update(demand).set({ state: 'resolved', resolvedAt: new Date() }).where(eq(demand.id, resolved.id));
    await t.db.insert(demandEvent).values({ demandId: resolved.id, action: 'resolve', fromState: 'in_progress', toState: 'resolved', actorName: '社工', note: '已清运' });
    await make('old', 'parking', f.a.community.id, { createdAt: new Date(Date.now() - 120 * 86_400_000) });
    await make('elsewhere', 'parking', f.b.community.id);
  });

  it('shows the last 90 days under the key\'s node, newest first, nothing from elsewhere', async () => {
    const ids = await list('');
    expect(ids.slice(0, 3)).toEqual([nos.resolved, nos.rejected, nos.parking]);
    expect(ids).not.toContain(nos.old);
    expect(ids).not.toContain(nos.elsewhere);
  });

  it('maps the states: rejected and resolved are closed, with the reason and what was done', async () => {
    const { rows } = await both(`requests.{f}?api_key=${keyA}&status=closed`, 'service_requests', 'request');
    expect(rows.map((r) => [r.service_request_id, r.status, r.status_notes])).toEqual([
      [nos.resolved, 'closed', '已办结：已清运'],
      [nos.rejected, 'closed', '不予受理：不属于本社区'],
    ]);
    const open = await list('status=open');
    expect(open).toContain(nos.parking);
    expect(open).not.toContain(nos.rejected);
    expect((await list('status=open,closed')).length).toBe((await list('')).length);
  });

  it('filters by service codes', async () => {
    const ids = await list('service_code=garbage,noise');
    expect(ids).toContain(nos.resolved);
    expect(ids).toContain(nos.rejected);
    expect(ids).not.toContain(nos.parking);
  });

  it('filters by requested time, and the ids override every other filter', async () => {
    const day = 86_400_000;
    const start = new Date(Date.now() - 150 * day).toISOString();
    const end = new Date(Date.now() - 100 * day).toISOString();
    expect(await list(`start_date=${start}&end_date=${end}`)).toEqual([nos.old]);
    expect(await list(`start_date=${start}`)).toEqual([nos.old]);
    expect(await list(`service_request_id=${nos.old},${nos.parking},${nos.elsewhere}&status=closed&service_code=noise`)).toEqual([nos.parking, nos.old]);
  });

  it('refuses a window over 90 days, in reverse, or without a time zone, and an unknown status', async () => {
    for (const query of ['start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', 'start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z',
      'start_date=2026-01-01T00:00:00', 'status=pending']) {
      const res = await get(`/open311/v2/requests.json?api_key=${keyA}&${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toEqual([expect.objectContaining({ code: 400 })]);
    }
  });

  it('never shows who asked, how to reach them or their room', async () => {
    const bodies = [(await get(`/open311/v2/requests.json?api_key=${keyA}`)).body, (await get(`/open311/v2/requests.xml?api_key=${keyA}`)).body,
      (await get(`/open311/v2/requests/${nos.parking}.xml?api_key=${keyA}`)).body];
    for (const body of bodies) {
      for (const secret of ['张三', '13812345678', '13900001111', '甲居民', 'zhang@example.com', '101', 'room', 'contact', 'reporter']) {
        expect(body).not.toContain(secret);
      }
    }
    const [one] = (await get(`/open311/v2/requests/${nos.parking}.json?api_key=${keyA}`)).json();
    expect(one.description).toBe('甲*民反映停车难');
  });
});

describe('keys and refusals', () => {
  it('refuses reads and posts without a key or with a wrong one: 403 in the specification\'s format', async () => {
    const json = await get('/open311/v2/requests.json');
    expect(json.statusCode).toBe(403);
    expect(json.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const xml = await postForm('/open311/v2/requests.xml', { ...posted, api_key: 'wrong' });
    expect(xml.statusCode).toBe(403);
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<errors><error><code>403<\/code><description>api_key[^<]*<\/description><\/error><\/errors>\n$/);
    expect((await get(`/open311/v2/requests/SQ1.xml?api_key=nope`)).statusCode).toBe(403);
  });

  it('names every missing or wrong field, 400 each, and 404 for an unknown service', async () => {
    const none = await postForm('/open311/v2/requests.json', { api_key: keyA, lat: '31' });
    expect(none.statusCode).toBe(400);
    const described = none.json().map((e: { description: string }) => e.description).join(' ');
    expect(described).toContain('service_code');
    expect(described).toContain('description');
    const cases: [Record<string, string>, number, string][] = [
      [{ service_code: 'elevator', description: '无位置' }, 400, 'lat'],
      [{ service_code: 'elevator', description: '只有纬度', lat: '31' }, 400, 'long'],
      [{ service_code: 'elevator', description: '坏纬度', lat: '91', long: '121' }, 400, 'lat'],
      [{ service_code: 'elevator', description: '坏电话', address_string: '某处', phone: '12345' }, 400, 'phone'],
      [{ service_code: 'elevator', description: '别处', address_id: f.b.building.code! }, 400, f.b.building.code!],
      [{ service_code: 'no-such', description: '未知类别', address_string: '某处' }, 404, 'no-such'],
    ];
    for (const [fields, status, named] of cases) {
      const res = await postForm('/open311/v2/requests.json', { api_key: keyA, ...fields });
      expect(res.statusCode, JSON.stringify(fields)).toBe(status);
      expect(res.json()[0].description, JSON.stringify(fields)).toContain(named);
    }
  });

  it('lets a street\'s key post only to a community or below, named by address_id', async () => {
    const above = await postForm('/open311/v2/requests.json', { api_key: keyStreetA, service_code: 'safety', description: '消防通道堵塞', address_string: '某处' });
    expect(above.statusCode).toBe(400);
    expect(above.json()[0].description).toContain('address_id');
    const below = await postForm('/open311/v2/requests.json', { api_key: keyStreetA, service_code: 'safety', description: '消防通道堵塞', address_id: f.a.grid.code! });
    expect(below.statusCode, below.body).toBe(200);
    const [row] = await t.db.select().from(demand).where(eq(demand.no, below.json()[0].service_request_id));
    expect(row!.territoryId).toBe(f.a.grid.id);
  });

  it('answers routes it does not have in the specification\'s format', async () => {
    const res = await get('/open311/v2/requests/SQ1');
    expect(res.statusCode).toBe(404);
    expect(recordsOf(readXml(res.body), 'error')).toEqual([{ code: '404', description: expect.stringContaining('/open311/v2/requests/SQ1') }]);
  });
});

describe('the API description', () => {
  it('lists the GeoReport v2 routes and the keys routes in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    for (const path of ['/open311/v2/services.{format}', '/open311/v2/services/{code}.{format}', '/open311/v2/requests.{format}',
      '/open311/v2/requests/{id}.{format}', '/open311/v2/tokens/{id}.{format}', '/api/open311-keys', '/api/open311-keys/{id}/revoke']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });
});
