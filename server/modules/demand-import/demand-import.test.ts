import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demand } from '../../db/schema/demands.ts';
import { notification } from '../../db/schema/notifications.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { ensureDefaultCategories } from '../demands/default-categories.ts';
import { HOTLINE_HEADERS, csvOf, orderUpload, xlsxOf } from './fixtures.ts';
import { parseOrderTime } from './order-rows.ts';

let t: TestContext;
let f: TwoStreets;
let worker: RoleAccount;
let street: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  await ensureDefaultCategories(t.db, f.district.id);
  worker = await accountFor(t, 'community_worker', f.a.community, 'worker-a');
  street = await accountFor(t, 'street_admin', f.a.street, 'street-a');
});
afterAll(() => t.close());

const post = (who: RoleAccount, url: string, upload: { payload: Buffer; headers: Record<string, string> }) =>
  as(t.app, who.session).post(url, upload.payload, upload.headers);
const byExternal = (no: string) => t.db.select().from(demand).where(eq(demand.externalNo, no));

describe('previewing a hotline export', () => {
  it('shows the headers, the first five rows and the column suggested for each field', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => [`P-${i}`, '2026-03-02 09:15', '电梯故障', `电梯停运 ${i}`, 'T-A-C', '', '', '']);
    const res = await post(worker, '/api/demands/import/preview', orderUpload(csvOf(rows)));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.headers).toEqual(HOTLINE_HEADERS);
    expect(body.rows).toHaveLength(5);
    expect(body.rows[0]).toEqual(rows[0]);
    expect(body.mapping).toEqual({
      externalNo: '工单编号', createdAt: '受理时间', categoryCode: null, categoryName: '诉求类别', territoryCode: '所属社区',
      address: '地址', description: '诉求内容', contactName: '联系人', contactPhone: '联系电话',
    });
    expect(await t.db.select().from(demand).where(eq(demand.externalNo, 'P-0'))).toHaveLength(0);
  });

  it('refuses what is neither a workbook nor text with 415', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const res = await post(worker, '/api/demands/import/preview', orderUpload(png, 'orders.png'));
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('demandImport.badType');
  });
});

describe('importing hotline orders', () => {
  it('creates demands from a .csv on the hotline channel, dated by the order, with the contact encrypted', async () => {
    const file = csvOf([
      ['H-001', '2026-03-02 09:15', '电梯故障', '3号楼电梯停运，老人下不了楼', 'T-A-C', '龙潭路1号', '王建国', '13912345678'],
      ['H-002', '2026/3/3 14:05:30', '物业管理-漏水渗水', '楼顶漏水', 'T-A-G', '', '', ''],
      ['H-003', '', '', '小区门口路灯不亮', 'A居民区', '', '', ''],
    ]);
    const res = await post(street, '/api/demands/import', orderUpload(file));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, skipped: 0, errors: [] });

    const [d1] = await byExternal('H-001');
    expect(d1!.channel).toBe('hotline_12345');
    expect(d1!.createdAt.toISOString()).toBe('2026-03-02T01:15:00.000Z');
    expect(d1!.communityId).toBe(f.a.community.id);
    expect(d1!.contactNameEnc).not.toContain('王建国');
    expect(t.pii.decrypt(d1!.contactNameEnc!)).toBe('王建国');
    expect(d1!.contactPhoneEnc).not.toContain('13912345678');
    expect(d1!.contactPhoneMasked).toBe('139****5678');
    expect(JSON.stringify(d1)).not.toContain('13912345678');
    const [d2] = await byExternal('H-002');
    expect(d2!.gridId).toBe(f.a.grid.id);
    expect(d2!.createdAt.toISOString()).toBe('2026-03-03T06:05:30.000Z');
    const [d3] = await byExternal('H-003');
    expect(d3!.territoryId).toBe(f.a.community.id);
    expect(d3!.contactNameEnc).toBeNull();
  });

  it('tells the community\'s workers once for the whole file, not once per order', async () => {
    const secretary = await accountFor(t, 'community_secretary', f.a.community, 'secretary-a-notices');
    const file = csvOf(Array.from({ length: 5 }, (_, i) => [`N-${i}`, '2026-03-05 10:00', '噪音扰民', `夜间施工噪音 ${i}`, 'T-A-C', '', '', '']));
    expect((await post(street, '/api/demands/import', orderUpload(file))).json()).toMatchObject({ created: 5 });
    const notices = await t.db.select().from(notification).where(eq(notification.accountId, secretary.accountId));
    expect(notices.map((n) => [n.kind, n.params])).toEqual([['demand.imported', { count: 5 }]]);
  });

  it('adds nothing when the same file comes again: every order is counted as skipped', async () => {
    const file = csvOf([
      ['R-1', '2026-03-04 08:00', '噪音扰民', '夜间装修噪音', 'T-A-C', '', '', ''],
      ['R-2', '2026-03-04 09:00', '停车秩序', '消防通道停车', 'T-A-C', '', '', ''],
    ]);
    expect((await post(worker, '/api/demands/import', orderUpload(file))).json()).toEqual({ created: 2, skipped: 0, errors: [] });
    expect((await post(worker, '/api/demands/import', orderUpload(file))).json()).toEqual({ created: 0, skipped: 2, errors: [] });
    expect(await byExternal('R-1')).toHaveLength(1);
  });

  it('creates each order once when two imports of the same file run at once', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`C-${i}`, '2026-03-05 10:00', '垃圾分类与清运', `垃圾清运不及时 ${i}`, 'T-A-C', '', '', '']);
    const file = csvOf(rows);
    const [a, b] = await Promise.all([
      post(worker, '/api/demands/import', orderUpload(file)),
      post(street, '/api/demands/import', orderUpload(file)),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().created + b.json().created).toBe(12);
    expect(a.json().skipped + b.json().skipped).toBe(12);
    for (let i = 0; i < 12; i++) expect(await byExternal(`C-${i}`)).toHaveLength(1);
  });

  it('reports each bad row with its row number, column and a Chinese message, takes the good ones, and keeps a report', async () => {
    const file = csvOf([
      ['B-1', '2026-03-06 10:00', '电梯故障', '电梯异响', 'T-A-C', '', '', ''],
      ['', '2026-03-06 10:00', '电梯故障', '没有编号', 'T-A-C', '', '', ''],
      ['B-3', '昨天下午', '电梯故障', '时间写错', 'T-A-C', '', '', ''],
      ['B-4', '2026-03-06 10:00', '电梯故障', '街道B的工单', 'T-B-C', '', '', ''],
      ['B-5', '2026-03-06 10:00', '电梯故障', '', 'T-A-C', '', '', ''],
      ['B-6', '2026-03-06 10:00', '天气预报', '类别不存在', 'T-A-C', '', '', ''],
      ['B-7', '2026-03-06 10:00', '电梯故障', '地点不存在', 'NO-SUCH', '', '', ''],
      ['B-8', '2026-03-06 10:00', '电梯故障', '电话不对', 'T-A-C', '', '张三', '电话号码'],
    ]);
    const res = await post(worker, '/api/demands/import', orderUpload(file));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.created).toBe(1);
    expect(body.errors).toEqual([
      { row: 3, column: '工单编号', message: '此项必填。' },
      { row: 4, column: '受理时间', message: expect.stringContaining('无法识别的时间“昨天下午”') },
      { row: 5, column: '所属社区', message: '“T-B-C”不在您的管辖范围内。' },
      { row: 6, column: '诉求内容', message: '此项必填。' },
      { row: 7, column: '诉求类别', message: expect.stringContaining('找不到诉求类别“天气预报”') },
      { row: 8, column: '所属社区', message: expect.stringContaining('找不到编码或名称为“NO-SUCH”') },
      { row: 9, column: '联系电话', message: expect.stringContaining('联系电话“电话号码”格式不正确') },
    ]);
    expect(await byExternal('B-4')).toHaveLength(0);

    const report = await as(t.app, worker.session).get(`/api/imports/${body.reportId}/report.xlsx`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, 3, '工单编号', '此项必填。']);
    expect(sheet.rowCount).toBe(8);
    expect((await as(t.app, street.session).get(`/api/imports/${body.reportId}/report.xlsx`)).statusCode).toBe(404);
  });

  it('refuses a file whose orders all lie outside the caller\'s territory, naming each row', async () => {
    const file = csvOf([
      ['O-1', '2026-03-06 10:00', '电梯故障', '街道B的工单', 'T-B-C', '', '', ''],
      ['O-2', '2026-03-06 11:00', '电梯故障', '街道B的工单', 'B居民区', '', '', ''],
    ]);
    const res = await post(street, '/api/demands/import', orderUpload(file));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('demandImport.nothingImported');
    expect(res.json().errors.map((e: { row: number }) => e.row)).toEqual([2, 3]);
    expect(res.json().errors[0].message).toBe('“T-B-C”不在您的管辖范围内。');
    expect(res.json().reportId).toEqual(expect.any(String));
    expect(await byExternal('O-1')).toHaveLength(0);
  });

  it('reads an .xlsx with its own headers through the mapping sent, date cells included', async () => {
    const headers = ['热线单号', '来电日期', '问题类型', '问题内容', '网格'];
    const file = await xlsxOf([
      ['X-1', new Date(Date.UTC(2026, 2, 7, 16, 30)), '噪音', '广场舞音响太响', 'T-A-G'],
      ['X-2', '2026-03-07 18:00', '', '楼道堆物', 'T-A-G'],
    ], headers);
    const mapping = { externalNo: '热线单号', createdAt: '来电日期', categoryName: '问题类型', description: '问题内容', territoryCode: '网格' };
    const res = await post(worker, '/api/demands/import', orderUpload(file, 'orders.xlsx', mapping));
    expect(res.json()).toEqual({ created: 2, skipped: 0, errors: [] });
    const [x1] = await byExternal('X-1');
    expect(x1!.createdAt.toISOString()).toBe('2026-03-07T08:30:00.000Z');
    expect(x1!.description).toBe('广场舞音响太响');
    const [x2] = await byExternal('X-2');
    expect(x2!.categoryId).not.toBe(x1!.categoryId);
  });

  it('reads a GB18030 .csv as Chinese hotline systems export it', async () => {
    const text = `${HOTLINE_HEADERS.join(',')}\r\nG-1,2026-03-08 08:00,绿化养护,树枝挡住窗户,T-A-C,,,\r\n`;
    const encoded = encodeGb18030(text);
    expect(encoded.equals(Buffer.from(text, 'utf8'))).toBe(false);
    const res = await post(worker, '/api/demands/import', orderUpload(encoded));
    expect(res.json()).toEqual({ created: 1, skipped: 0, errors: [] });
    expect((await byExternal('G-1'))[0]!.description).toBe('树枝挡住窗户');
  });

  it('names the mapping field that points at a missing column or leaves out a required one', async () => {
    const file = csvOf([['M-1', '2026-03-06 10:00', '电梯故障', '电梯', 'T-A-C', '', '', '']]);
    const missing = await post(worker, '/api/demands/import', orderUpload(file, 'o.csv', { externalNo: '工单编号', description: '内容' }));
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('mapping.description');
    const unmapped = await post(worker, '/api/demands/import', orderUpload(file, 'o.csv', { description: '诉求内容' }));
    expect(unmapped.json().errors[0]).toMatchObject({ field: 'mapping.externalNo', message: '必须指定哪一列是“工单编号”。' });
    const broken = await post(worker, '/api/demands/import', orderUpload(file, 'o.csv', '{not json'));
    expect(broken.json().errors[0].field).toBe('mapping');
  });
});

describe('hotline times', () => {
  it.each([
    ['2026-03-05 14:20', '2026-03-05T06:20:00.000Z'],
    ['2026/3/5 14:20:07', '2026-03-05T06:20:07.000Z'],
    ['2026年3月5日 14时20分', '2026-03-05T06:20:00.000Z'],
    ['2026-03-05', '2026-03-04T16:00:00.000Z'],
    ['2026-02-30 10:00', null],
    ['2026-03-05 24:00', null],
    ['下午三点', null],
  ])('%s → %s', (text, iso) => {
    expect(parseOrderTime(text)?.toISOString() ?? null).toBe(iso);
  });
});

/** Node has no GB18030 encoder; the text decoder's table gives one for the characters used. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) bytes.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!));
  return Buffer.from(bytes);
}
