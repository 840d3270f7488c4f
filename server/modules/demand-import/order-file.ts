import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DomainError } from '../../core/errors.ts';
import { cellText, isZip, openWorkbook } from '../people/roster-file.ts';
import './messages.ts';

/** The cells of one order as typed in the file, with its row number as the file shows it (header = 1). */
export interface OrderRow {
  row: number;
  cells: string[];
}

export interface OrderTable {
  headers: string[];
  rows: OrderRow[];
}

export const MAX_ORDERS = 5000;
const badType = () => new DomainError('demandImport.badType', 415);

/**
 * Reads a hotline export, judged by its content: a zip is an .xlsx workbook (its first sheet),
 * anything else must be text — UTF-8, or GB18030 as Chinese systems often still export — in CSV.
 */
export async function readOrderFile(file: Buffer): Promise<OrderTable> {
  const table = isZip(file) ? await readXlsx(file) : readCsv(file);
  const width = table.headers.length;
  if (!width || table.headers.every((h) => !h)) throw new DomainError('demandImport.noHeader', 422);
  const rows = table.rows.filter((r) => r.cells.some(Boolean)).map((r) => ({ row: r.row, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? '') }));
  if (!rows.length) throw new DomainError('demandImport.empty', 422);
  if (rows.length > MAX_ORDERS) throw new DomainError('demandImport.tooManyRows', 422, { max: MAX_ORDERS });
  return { headers: table.headers, rows };
}

async function readXlsx(file: Buffer): Promise<OrderTable> {
  const wb = await openWorkbook(file, badType);
  const sheet = wb.worksheets[0];
  if (!sheet) throw badType();
  const width = sheet.getRow(1).cellCount;
  const textsOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => orderCellText(row.getCell(i + 1).value));
  const headers = textsOf(sheet.getRow(1));
  const rows: OrderRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n > 1) rows.push({ row: n, cells: textsOf(row) });
  });
  return { headers, rows };
}

/** Cell text, keeping the time of day of a date cell (exceljs hands dates over as UTC wall time). */
function orderCellText(v: ExcelJS.CellValue | undefined): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 19).replace('T', ' ');
  return cellText(v);
}

function readCsv(file: Buffer): OrderTable {
  if (file.includes(0)) throw badType();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    text = new TextDecoder('gb18030').decode(file);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as unknown as typeof records;
  } catch {
    throw badType();
  }
  const [head, ...rest] = records;
  // `lines` counts to the record's last line: the row number a spreadsheet shows for a one-line record.
  return { headers: head?.record ?? [], rows: rest.map((r) => ({ row: r.info.lines, cells: r.record })) };
}
