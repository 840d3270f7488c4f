import ExcelJS from 'exceljs';
import { DomainError } from '../../core/errors.ts';
import { type ColumnKey, MAX_IMPORT_ROWS, type RosterKind, columnsOf } from './roster-columns.ts';

/** One data row as typed in the file: row number as Excel shows it, trimmed text per column. */
export interface RawRow {
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
}

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
/** A small file may still unpack into gigabytes; refuse before exceljs inflates it. */
const MAX_UNPACKED_MB = 200;

const badType = () => new DomainError('import.badType', 415);

/** A zip archive by its first bytes: what an .xlsx workbook is. */
export const isZip = (file: Buffer) => file.length >= 4 && file.subarray(0, 4).equals(ZIP_MAGIC);

/**
 * Opens an uploaded .xlsx judged by its content, never its name: a zip whose declared unpacked size
 * stays under the limit (checked before exceljs inflates anything) and that exceljs can read.
 * Anything else is refused with `badType` (415), a zip bomb with 413.
 */
export async function openWorkbook(file: Buffer, refuse: () => DomainError = badType): Promise<ExcelJS.Workbook> {
  if (!isZip(file)) throw refuse();
  const unpacked = declaredUnpackedSize(file);
  if (unpacked === null) throw refuse();
  if (unpacked > MAX_UNPACKED_MB * 1024 * 1024) throw new DomainError('import.tooLargeUnpacked', 413, { maxMb: MAX_UNPACKED_MB });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw refuse();
  }
  return wb;
}

/**
 * Reads the roster sheet of an .xlsx file. The file is judged by its content — a zip whose
 * workbook exceljs can open — never by its name.
 */
export async function readRosterFile(file: Buffer, kind: RosterKind): Promise<RawRow[]> {
  const wb = await openWorkbook(file);
  const columns = columnsOf(kind);
  // The roster is the sheet whose header names the ID number: people add sheets or reorder them.
  const sheet = wb.worksheets.find((ws) => headersOf(ws).includes('身份证号')) ?? wb.worksheets[0];
  if (!sheet) throw badType();
  const headers = headersOf(sheet);
  const at = new Map<ColumnKey, number>();
  for (const c of columns) if (headers.indexOf(c.header) > 0) at.set(c.key, headers.indexOf(c.header));
  const missing = columns.filter((c) => c.required && !at.has(c.key)).map((c) => c.header);
  if (missing.length) throw new DomainError('import.badHeader', 422, { missing: missing.join('、') });

  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: RawRow['cells'] = {};
    for (const [key, col] of at) {
      const v = cellText(row.getCell(col).value);
      if (v) cells[key] = v;
    }
    if (Object.keys(cells).length) rows.push({ row: n, cells });
  });
  if (rows.length === 0) throw new DomainError('import.empty', 422);
  if (rows.length > MAX_IMPORT_ROWS) throw new DomainError('import.tooManyRows', 422, { max: MAX_IMPORT_ROWS });
  return rows;
}

/** Header texts by column number; a trailing * (a required-field mark people add) is ignored. */
function headersOf(ws: ExcelJS.Worksheet): string[] {
  const values = ws.getRow(1).values as ExcelJS.CellValue[];
  return Array.from(values, (v) => cellText(v).replace(/[\s*＊]/g, ''));
}

/** The text a person sees in a cell, whatever Excel stored: number, date, rich text, formula. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  // exceljs gives Excel dates as UTC midnight.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
    return '';
  }
  return String(v).trim();
}

/**
 * The sum of the uncompressed sizes the zip's central directory declares, or null when the
 * buffer is not a readable zip.
 */
export function declaredUnpackedSize(zip: Buffer): number | null {
  const EOCD = 0x06054b50;
  const ENTRY = 0x02014b50;
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== ENTRY) return null;
    const size = zip.readUInt32LE(at + 24);
    // 0xFFFFFFFF means the real size is in a zip64 field: far beyond any roster.
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}
