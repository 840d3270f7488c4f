import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { isValidIdNumber, isValidPhone, maskIdNumber, maskPhone, normalizeIdNumber, normalizePhone } from '../../core/pii.ts';
import type { Actor } from '../../core/policy.ts';
import { household, person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { peoplePolicy as P } from './policy.ts';
import { type PersonRow, presentPerson } from './presenters.ts';
import { type PeopleFilter, peopleWhere, rowColumns } from './queries.ts';

export const MAX_EXPORT_ROWS = 50_000;

/**
 * The people list as GET /api/people filters it, every page at once up to the cap, masked by the
 * same presenter. The export itself is audited with its filter and size.
 */
export async function exportPeople(ctx: AppContext, actor: Actor, f: PeopleFilter): Promise<PersonRow[]> {
  return ctx.db.transaction(async (tx) => {
    const where = await peopleWhere(tx, ctx.pii, actor, P['person.export'], f);
    const rows = await tx
      .select(rowColumns)
      .from(person)
      .innerJoin(territory, eq(territory.id, person.territoryId))
      .leftJoin(household, eq(household.id, person.householdId))
      .where(where)
      .orderBy(asc(person.name), asc(person.id))
      .limit(MAX_EXPORT_ROWS);
    await audit(tx, actor, {
      action: 'person.export', targetType: 'person', territoryId: f.territoryId ?? null,
      after: { filter: { territoryId: f.territoryId ?? null, q: maskedQuery(f.q), partyMember: f.partyMember ?? null }, rows: rows.length },
    });
    return rows.map(presentPerson);
  });
}

/** A search by phone or ID number is recorded masked: the audit log holds no personal numbers. */
function maskedQuery(q: string | undefined): string | null {
  const s = q?.trim();
  if (!s) return null;
  if (isValidPhone(normalizePhone(s))) return maskPhone(normalizePhone(s));
  if (isValidIdNumber(normalizeIdNumber(s))) return maskIdNumber(normalizeIdNumber(s));
  return s;
}

const gender = { male: '男', female: '女' } as Record<string, string>;

/** Writes the workbook row by row into a stream, so a large list never sits in memory as a file. */
export function peopleWorkbook(rows: PersonRow[], sheetName: string): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '出生日期', key: 'birthDate', width: 12 },
    { header: '身份证号', key: 'idNumber', width: 22 },
    { header: '手机号', key: 'phone', width: 15 },
    { header: '所属节点', key: 'territoryName', width: 24 },
    { header: '房号', key: 'room', width: 10 },
    { header: '党员', key: 'isPartyMember', width: 6 },
  ];
  ws.getRow(1).font = { bold: true };
  (async () => {
    for (const [i, r] of rows.entries()) {
      // Let the response drain what is written so far.
      if (i % 1000 === 999) await new Promise((done) => setImmediate(done));
      ws.addRow({ ...r, gender: gender[r.gender] ?? r.gender, isPartyMember: r.isPartyMember ? '是' : '否' }).commit();
    }
    ws.commit();
    await wb.commit();
  })().catch((err: Error) => out.destroy(err));
  return out;
}
