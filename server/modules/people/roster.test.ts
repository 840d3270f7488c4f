import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { household, person } from '../../db/schema/people.ts';
import { type Node, makeAccount, makeBody, makeNode, makePerson } from '../../demo/factories.ts';
import { idNumber, phoneNumber } from '../../demo/random.ts';
import { cellText, declaredUnpackedSize } from './roster-file.ts';
import { isPastDate } from './roster-rows.ts';
import { TEST_PASSWORD, type Session, type TestContext, as, createTestContext, login } from '../../test/harness.ts';

const PEOPLE = ['姓名', '身份证号', '手机号', '所属节点编码', '楼栋', '房号', '与户主关系'];
const PARTY = [...PEOPLE, '入党日期', '所属党组织'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestContext;
let street: Node, nbh: Node, grid: Node, lou1: Node, otherNbh: Node;
let branchId: string;
let worker: Session, colleague: Session, streetAdmin: Session, gridWorker: Session;
let serial = 900_000;
/** A fresh, valid ID number and phone for a row. */
const numbers = () => ({ id: idNumber(++serial, 'female'), phone: phoneNumber(serial) });

beforeAll(async () => {
  t = await createTestContext();
  const district = await makeNode(t.db, null, 'district', '测试区', '310199');
  street = await makeNode(t.db, district, 'subdistrict', '测试街道', '310199001');
  nbh = await makeNode(t.db, street, 'neighborhood', '幸福里居委', '310199001001');
  grid = await makeNode(t.db, nbh, 'grid', '幸福里一网格', '310199001001-01');
  lou1 = await makeNode(t.db, grid, 'building', '1号楼');
  await makeNode(t.db, grid, 'building', '2号楼');
  otherNbh = await makeNode(t.db, street, 'neighborhood', '和平里居委', '310199001002');
  const otherGrid = await makeNode(t.db, otherNbh, 'grid', '和平里一网格', '310199001002-01');
  await makeNode(t.db, otherGrid, 'building', '1号楼');
  branchId = (await makeBody(t.db, nbh, 'party_branch', '幸福里第一党支部')).id;
  await makeBody(t.db, otherNbh, 'party_branch', '和平里第一党支部');
  const grants = (role: 'community_worker' | 'street_admin' | 'grid_worker', node: Node) => [{ role, territoryId: node.id }];
  await makeAccount(t.db, { username: 'worker', password: TEST_PASSWORD, grants: grants('community_worker', nbh) });
  await makeAccount(t.db, { username: 'colleague', password: TEST_PASSWORD, grants: grants('community_worker', nbh) });
  await makeAccount(t.db, { username: 'street', password: TEST_PASSWORD, grants: grants('street_admin', street) });
  await makeAccount(t.db, { username: 'gridder', password: TEST_PASSWORD, grants: grants('grid_worker', grid) });
  worker = await login(t.app, 'worker', TEST_PASSWORD);
  colleague = await login(t.app, 'colleague', TEST_PASSWORD);
  streetAdmin = await login(t.app, 'street', TEST_PASSWORD);
  gridWorker = await login(t.app, 'gridder', TEST_PASSWORD);
});
afterAll(() => t.close());

async function workbook(header: string[], rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, filename = 'roster.xlsx') {
  const boundary = `----gongzhi${serial}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(s: Session, file: Buffer, kind = 'people', lang = 'zh-CN') {
  const { payload, headers } = multipart(file);
  return as(t.app, s).post(`/api/people/import?kind=${kind}`, payload, { ...headers, 'accept-language': lang });
}

async function readXlsx(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  return wb;
}
const sheetRows = (ws: ExcelJS.Worksheet) => ws.getSheetValues().slice(1).map((r) => (r as ExcelJS.CellValue[]).slice(1));

const byId = async (id: string) => (await t.db.select().from(person).where(eq(person.idNumberHash, t.pii.hash(id))))[0];
const peopleCount = async () => (await t.db.select({ id: person.id }).from(person)).length;
const auditsOf = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('the import template', () => {
  it('has the Chinese headers of each roster kind and an instructions sheet', async () => {
    for (const [kind, header] of [['people', PEOPLE], ['party_members', PARTY]] as const) {
      const res = await as(t.app, worker).get(`/api/people/import-template.xlsx?kind=${kind}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''%E[0-9A-F%]+\.xlsx$/);
      const wb = await readXlsx(res.rawPayload);
      expect(sheetRows(wb.worksheets[0]!)[0]).toEqual(header);
      const help = wb.getWorksheet('填写说明')!;
      expect(sheetRows(help).map((r) => r[0])).toEqual(expect.arrayContaining(header));
    }
  });
});

describe('importing a people roster', () => {
  it('creates the people where the file puts them, with households, and one audit record without numbers', async () => {
    const [a, b, c] = [numbers(), numbers(), numbers()];
    const file = await workbook(PEOPLE, [
      ['陈晓东', a.id, a.phone, grid.code, '1号楼', '302', '户主'],
      ['陈雨桐', b.id.toLowerCase(), null, grid.code, '1号楼', '302', '子女'],
      ['林佳琪', c.id, `+86 ${c.phone}`, nbh.code, null, null, null],
    ]);
    const before = await auditsOf('person.import');
    const res = await upload(worker, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 3, updated: 0 });

    const [pa, pb, pc] = [await byId(a.id), await byId(b.id), await byId(c.id)];
    expect(pa!.territoryId).toBe(lou1.id);
    expect(pa!.householdId).toBeTruthy();
    expect(pb!.householdId).toBe(pa!.householdId);
    expect(pb!.phoneEnc).toBeNull();
    expect(pc!.territoryId).toBe(nbh.id);
    expect(pc!.phoneMasked).toBe(`${c.phone.slice(0, 3)}****${c.phone.slice(7)}`);
    const [hh] = await t.db.select().from(household).where(eq(household.id, pa!.householdId!));
    expect(hh!.room).toBe('302');

    const after = await auditsOf('person.import');
    expect(after).toHaveLength(before.length + 1);
    const record = after.at(-1)!;
    expect(record.after).toMatchObject({ kind: 'people', imported: 3, updated: 0 });
    expect(record.territoryId).toBe(nbh.id); // the deepest node holding every row
    const text = JSON.stringify(record);
    for (const n of [a, b, c]) {
      expect(text).not.toContain(n.id);
      expect(text).not.toContain(n.phone);
    }
  });

  it('updates people already registered on a second import instead of duplicating them', async () => {
    const [a, b] = [numbers(), numbers()];
    const first = await workbook(PEOPLE, [
      ['王建国', a.id, a.phone, grid.code, '2号楼', '101', '户主'],
      ['王春梅', b.id, b.phone, grid.code, '2号楼', '101', '配偶'],
    ]);
    expect((await upload(worker, first)).json()).toEqual({ imported: 2, updated: 0 });
    const count = await peopleCount();
    const households = (await t.db.select().from(household)).length;
    const newPhone = phoneNumber(++serial);

    const second = await workbook(PEOPLE, [
      ['王建国', a.id, newPhone, grid.code, '2号楼', '101', '户主'],
      ['王春梅', b.id, null, grid.code, '1号楼', '502', '配偶'],
    ]);
    const res = await upload(worker, second);
    expect(res.json()).toEqual({ imported: 0, updated: 2 });
    expect(await peopleCount()).toBe(count);
    expect((await t.db.select().from(household)).length).toBe(households + 1);
    const [pa, pb] = [await byId(a.id), await byId(b.id)];
    expect(t.pii.decrypt(pa!.phoneEnc!)).toBe(newPhone);
    expect(pb!.territoryId).toBe(lou1.id);
    expect(t.pii.decrypt(pb!.phoneEnc!)).toBe(b.phone); // a blank cell keeps what was known
  });

  it('writes nothing when one row is bad, and reports exactly the bad rows with row and column', async () => {
    const [good1, bad, good2, dup] = [numbers(), numbers(), numbers(), numbers()];
    const wrongCheck = bad.id.slice(0, 17) + (bad.id[17] === '0' ? '1' : '0');
    const file = await workbook(PEOPLE, [
      ['赵立新', good1.id, good1.phone, grid.code, '1号楼', '601', '户主'],
      ['钱文斌', wrongCheck, bad.phone, grid.code, null, null, null],
      ['孙嘉怡', good2.id, good2.phone, grid.code, '1号楼', '602', '户主'],
      [null, dup.id, '12345', grid.code, null, null, null],
      ['周海燕', dup.id, null, '999999999', null, null, null],
      ['吴宏伟', numbers().id, null, grid.code, '9号楼', null, null],
    ]);
    const count = await peopleCount();
    const households = (await t.db.select().from(household)).length;
    const res = await upload(worker, file);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('import.badRows');
    expect(body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '身份证号'],
      [5, '姓名'],
      [5, '手机号'],
      [6, '身份证号'],
      [6, '所属节点编码'],
      [7, '楼栋'],
    ]);
    expect(body.errors[3].message).toContain('5');
    expect(body.errors.every((e: { message: string }) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    expect(await peopleCount()).toBe(count);
    expect((await t.db.select().from(household)).length).toBe(households);
    expect(await byId(good1.id)).toBeUndefined();

    const report = await as(t.app, worker).get(`/api/imports/${body.reportId}/report.xlsx`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain("filename*=UTF-8''");
    const rows = sheetRows((await readXlsx(report.rawPayload)).worksheets[0]!);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(body.errors.map((e: { row: number; column: string }) => [e.row, e.column]));
    expect(rows[1]![2]).toBe(body.errors[0].message);

    expect((await as(t.app, colleague).get(`/api/imports/${body.reportId}/report.xlsx`)).statusCode).toBe(404);
  });

  it('explains bad rows in English to an English-speaking caller', async () => {
    const res = await upload(worker, await workbook(PEOPLE, [['Li', '123', null, grid.code, null, null, null]]), 'people', 'en-US');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ row: 2, column: '身份证号', message: expect.stringMatching(/Invalid ID-card number/) }]);
  });

  it('refuses a node code outside the caller\'s territory, and a person registered there', async () => {
    const a = numbers();
    const elsewhere = numbers();
    await makePerson(t.db, t.pii, otherNbh, { idNumber: elsewhere.id });
    const res = await upload(worker, await workbook(PEOPLE, [
      ['郑国庆', a.id, null, otherNbh.code, null, null, null],
      ['冯晓东', elsewhere.id, null, grid.code, null, null, null],
    ]));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[2, '所属节点编码'], [3, '身份证号']]);
    expect(await byId(a.id)).toBeUndefined();
    // The street administrator covers both communities: the same row goes through.
    const ok = await upload(streetAdmin, await workbook(PEOPLE, [['郑国庆', a.id, null, otherNbh.code, null, null, null]]));
    expect(ok.json()).toEqual({ imported: 1, updated: 0 });
  });

  it('finds a building by name under the given node, and asks for a narrower node when the name repeats', async () => {
    const res = await upload(streetAdmin, await workbook(PEOPLE, [['何佳琪', numbers().id, null, street.code, '1号楼', '101', null]]));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ row: 2, column: '楼栋', message: expect.stringContaining('多个') }]);
  });

  it('is refused to a role without the import permission', async () => {
    const res = await upload(gridWorker, await workbook(PEOPLE, [['高明', numbers().id, null, grid.code, null, null, null]]));
    expect(res.statusCode).toBe(403);
  });
});

describe('importing a party-member roster', () => {
  it('marks the members, their party organisation and the day they joined', async () => {
    const [a, b] = [numbers(), numbers()];
    await makePerson(t.db, t.pii, lou1, { idNumber: b.id, isPartyMember: false });
    const res = await upload(worker, await workbook(PARTY, [
      ['黄志强', a.id, a.phone, grid.code, '1号楼', '701', '户主', '1998-07-01', '幸福里第一党支部'],
      ['黄桂英', b.id, null, grid.code, '1号楼', '701', '配偶', '2005-06-30', '幸福里第一党支部'],
    ]), 'party_members');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 1, updated: 1 });
    for (const [n, joined] of [[a, '1998-07-01'], [b, '2005-06-30']] as const) {
      const p = await byId(n.id);
      expect(p).toMatchObject({ isPartyMember: true, partyOrgId: branchId, joinedPartyOn: joined });
      const detail = (await as(t.app, worker).get(`/api/people/${p!.id}`)).json();
      expect(detail.partyOrg).toEqual({ id: branchId, name: '幸福里第一党支部' });
    }
  });

  it('accepts a date typed as an Excel date, and refuses an unknown organisation, an out-of-scope one and a bad date', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('党员花名册');
    ws.addRow(PARTY);
    const ok = numbers();
    ws.addRow(['罗建华', ok.id, null, grid.code, null, null, null, new Date(Date.UTC(2001, 6, 1)), '幸福里第一党支部']);
    ws.addRow(['罗一诺', numbers().id, null, grid.code, null, null, null, '2001/7/1', '幸福里第一党支部']);
    ws.addRow(['罗子涵', numbers().id, null, grid.code, null, null, null, '2001-07-01', '不存在的党支部']);
    ws.addRow(['罗思远', numbers().id, null, grid.code, null, null, null, '2001-07-01', '和平里第一党支部']);
    ws.addRow(['罗晨曦', numbers().id, null, grid.code, null, null, null, null, '幸福里第一党支部']);
    const res = await upload(worker, Buffer.from(await wb.xlsx.writeBuffer()), 'party_members');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '入党日期'], [4, '所属党组织'], [5, '所属党组织'], [6, '入党日期'],
    ]);
    const alone = await upload(worker, await workbook(PARTY, [['罗建华', ok.id, null, grid.code, null, null, null, '2001-07-01', '幸福里第一党支部']]), 'party_members');
    expect(alone.statusCode).toBe(200);
  });
});

describe('refused files', () => {
  it('refuses a file that is not an Excel workbook, whatever its name says', async () => {
    const notZip = await upload(worker, Buffer.from('姓名,身份证号\n张三,110105194912310021\n'));
    expect(notZip.statusCode).toBe(415);
    expect(notZip.json().code).toBe('import.badType');
    const zipNotXlsx = await upload(worker, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(2000, 7)]));
    expect(zipNotXlsx.statusCode).toBe(415);
    const notMultipart = await as(t.app, worker).post('/api/people/import', Buffer.from('x'), { 'content-type': 'application/octet-stream' });
    expect(notMultipart.statusCode).toBe(415);
    expect(notMultipart.json().code).toBe('import.badType');
  });

  it('refuses a file without the required headers, or without data rows', async () => {
    const noHeader = await upload(worker, await workbook(['姓名', '电话'], [['张三', '13800000000']]));
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.json()).toMatchObject({ code: 'import.badHeader', missing: '身份证号、所属节点编码' });
    const empty = await upload(worker, await workbook(PEOPLE, []));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('import.empty');
  });

  it('refuses a small file that would unpack into hundreds of megabytes, before unpacking it', async () => {
    const file = await workbook(PEOPLE, [['陶立新', numbers().id, null, grid.code, null, null, null]]);
    const entry = file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); // first central-directory record
    file.writeUInt32LE(300 * 1024 * 1024, entry + 24); // its declared uncompressed size
    expect(declaredUnpackedSize(file)).toBeGreaterThan(300 * 1024 * 1024);
    const res = await upload(worker, file);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('import.tooLargeUnpacked');
  });

  it('refuses a 50 MB upload with 413 and stays healthy', async () => {
    const big = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(50 * 1024 * 1024)]);
    const res = await upload(worker, big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('import.tooLarge');
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('cuts off a 50 MB upload streamed without a declared length, and serves the next request', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const boundary = '----gongzhi-stream';
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1', port, method: 'POST', path: '/api/people/import?kind=people',
        headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrf, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
      }, (res) => {
        res.resume();
        resolve(res.statusCode!);
        req.destroy();
      });
      req.on('error', reject);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\nPK\x03\x04`);
      const chunk = Buffer.alloc(1024 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 50) {
          sent++;
          if (!req.write(chunk)) return req.once('drain', pump);
        }
        req.end(`\r\n--${boundary}--\r\n`);
      };
      pump();
    });
    expect(status).toBe(413);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    const res = await upload(worker, await workbook(PEOPLE, [['许立新', numbers().id, null, grid.code, null, null, null]]));
    expect(res.json()).toEqual({ imported: 1, updated: 0 });
  });
});

describe('exporting the people list', () => {
  it('gives the caller\'s filtered list with masked numbers only, and audits the export', async () => {
    const mine = numbers();
    const theirs = numbers();
    const pMine = await makePerson(t.db, t.pii, lou1, { idNumber: mine.id, phone: mine.phone, name: '蒋欣怡' });
    await makePerson(t.db, t.pii, otherNbh, { idNumber: theirs.id, phone: theirs.phone, name: '蒋子轩' });

    const res = await as(t.app, worker).get('/api/people/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''%E4%BA%BA%E5%91%98/);
    const rows = sheetRows((await readXlsx(res.rawPayload)).worksheets[0]!);
    expect(rows[0]).toEqual(['姓名', '性别', '出生日期', '身份证号', '手机号', '所属节点', '房号', '党员']);
    const listed = (await as(t.app, worker).get('/api/people?pageSize=100')).json();
    expect(rows.length - 1).toBe(listed.total);
    const row = rows.find((r) => r[0] === '蒋欣怡')!;
    expect(row[3]).toBe(pMine.idNumberMasked);
    expect(row[5]).toBe('1号楼');
    expect(rows.some((r) => r[0] === '蒋子轩')).toBe(false);
    const cells = JSON.stringify(rows);
    expect(cells).not.toContain(mine.id);
    expect(cells).not.toContain(mine.phone);
    for (const r of rows.slice(1)) {
      expect(r[3]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      if (r[4]) expect(r[4]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }

    const audits = await auditsOf('person.export');
    expect(audits.at(-1)!.after).toMatchObject({ rows: listed.total, filter: { territoryId: null, q: null, partyMember: null } });
  });

  it('applies the list filter, and records a searched number masked', async () => {
    const m = numbers();
    await makePerson(t.db, t.pii, lou1, { idNumber: m.id, phone: m.phone, name: '曾浩' });
    const res = await as(t.app, streetAdmin).get(`/api/people/export.xlsx?q=${m.phone}`);
    const rows = sheetRows((await readXlsx(res.rawPayload)).worksheets[0]!);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['曾浩']);
    const record = (await auditsOf('person.export')).at(-1)!;
    expect(record.after).toMatchObject({ rows: 1, filter: { q: `${m.phone.slice(0, 3)}****${m.phone.slice(7)}` } });
    expect(JSON.stringify(record)).not.toContain(m.phone);

    await makePerson(t.db, t.pii, otherNbh, { name: '党员甲', isPartyMember: true });
    await makePerson(t.db, t.pii, otherNbh, { name: '群众乙', isPartyMember: false });
    await makePerson(t.db, t.pii, nbh, { name: '党员丙', isPartyMember: true });
    const party = await as(t.app, streetAdmin).get(`/api/people/export.xlsx?territoryId=${otherNbh.id}&partyMember=true`);
    const partyRows = sheetRows((await readXlsx(party.rawPayload)).worksheets[0]!).slice(1);
    expect(partyRows.map((r) => r[0])).toContain('党员甲');
    expect(partyRows.map((r) => r[0])).not.toContain('群众乙');
    expect(partyRows.map((r) => r[0])).not.toContain('党员丙');
    expect(partyRows.every((r) => r[7] === '是')).toBe(true);
    expect((await as(t.app, worker).get(`/api/people/export.xlsx?territoryId=${otherNbh.id}`)).statusCode).toBe(404);
  });

  it('is refused to a role without the export permission', async () => {
    expect((await as(t.app, gridWorker).get('/api/people/export.xlsx')).statusCode).toBe(403);
  });
});

describe('cells and dates', () => {
  it.each([
    ['2001-07-01', true],
    ['1921-07-01', true],
    ['2001-02-29', false], // not a leap year
    ['2001-13-01', false],
    ['2001/07/01', false],
    ['2001-7-1', false],
    ['1899-12-31', false],
    ['2026-11-30', false], // the day after "today"
    ['2026-11-29', true],
  ])('入党日期 %s → %s', (s, ok) => expect(isPastDate(s, new Date('2026-11-29T12:00:00Z'))).toBe(ok));

  it.each([
    [' 张三 ', '张三'],
    [13812345678, '13812345678'],
    [new Date(Date.UTC(1998, 6, 1)), '1998-07-01'],
    [{ richText: [{ text: '幸福里' }, { text: '党支部' }] }, '幸福里党支部'],
    [{ formula: 'A1', result: '302' }, '302'],
    [{ text: '1号楼', hyperlink: 'http://x' }, '1号楼'],
    [null, ''],
  ])('cell %j reads as %j', (v, text) => expect(cellText(v as ExcelJS.CellValue)).toBe(text));
});
