import ExcelJS from 'exceljs';
import { DomainError, type RowError } from '../../core/errors.ts';
import { type Locale, t } from '../../core/i18n.ts';
import { isValidIdNumber, normalizeIdNumber } from '../../core/pii.ts';
import { cellText, openWorkbook } from '../people/roster-file.ts';
import { MAX_IMPORT_ROWS } from '../people/roster-columns.ts';
import './messages.ts';

/** The property register export's columns, as the housing authority's system names them. */
export const REGISTER_COLUMNS = {
  label: '楼栋房号', name: '业主姓名', identity: '证件号码',
  registeredArea: '登记面积', surveyedArea: '实测面积', contractArea: '合同面积', developer: '是否开发商未售',
} as const;
type Key = keyof typeof REGISTER_COLUMNS;
const REQUIRED: Key[] = ['label', 'name'];

/** One checked row of the register: areas in hundredths of a square metre. */
export interface RegisterRow {
  row: number;
  label: string;
  name: string;
  /** Normalised identity number (ID card, passport, or the developer's credit code); null only for developer rows. */
  identity: string | null;
  registeredArea: number | null;
  surveyedArea: number | null;
  contractArea: number | null;
  isDeveloper: boolean;
}

const badType = () => new DomainError('import.badType', 415);

/** "89.5" → 8950: square metres with at most two decimals, read as text so no float rounds it. */
export function parseArea(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s]|㎡|平方米|m²/g, ''));
  if (!m) return null;
  const value = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return value > 0 ? value : null;
}

/** Reads the register sheet and checks every row; the bad ones land in `errors` (row as Excel shows it). */
export async function readRegisterFile(file: Buffer, locale: Locale): Promise<{ rows: RegisterRow[]; errors: RowError[] }> {
  const wb = await openWorkbook(file);
  const headersOf = (ws: ExcelJS.Worksheet) => Array.from(ws.getRow(1).values as ExcelJS.CellValue[], (v) => cellText(v).replace(/[\s*＊]/g, ''));
  const sheet = wb.worksheets.find((ws) => headersOf(ws).includes(REGISTER_COLUMNS.label)) ?? wb.worksheets[0];
  if (!sheet) throw badType();
  const headers = headersOf(sheet);
  const at = new Map<Key, number>();
  for (const [key, header] of Object.entries(REGISTER_COLUMNS) as [Key, string][]) if (headers.indexOf(header) > 0) at.set(key, headers.indexOf(header));
  const missing = [...REQUIRED, 'identity' as const].filter((k) => !at.has(k)).map((k) => REGISTER_COLUMNS[k]);
  if (!at.has('registeredArea') && !at.has('surveyedArea') && !at.has('contractArea')) missing.push(REGISTER_COLUMNS.registeredArea);
  if (missing.length) throw new DomainError('import.badHeader', 422, { missing: missing.join('、') });

  const raw: { row: number; cells: Partial<Record<Key, string>> }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: Partial<Record<Key, string>> = {};
    for (const [key, col] of at) {
      const v = cellText(row.getCell(col).value);
      if (v) cells[key] = v;
    }
    if (Object.keys(cells).length) raw.push({ row: n, cells });
  });
  if (raw.length === 0) throw new DomainError('import.empty', 422);
  if (raw.length > MAX_IMPORT_ROWS) throw new DomainError('import.tooManyRows', 422, { max: MAX_IMPORT_ROWS });
  return checkRegisterRows(raw, locale);
}

/** Row by row, then across rows: a unit listed twice, one identity under two names. */
export function checkRegisterRows(raw: { row: number; cells: Partial<Record<Key, string>> }[], locale: Locale) {
  const errors: RowError[] = [];
  const fail = (row: number, key: Key, code: string, params: Record<string, unknown> = {}) =>
    errors.push({ row, column: REGISTER_COLUMNS[key], message: t(locale, code, params) });
  const rows: RegisterRow[] = [];
  const labels = new Map<string, number>();
  const names = new Map<string, { row: number; name: string }>();
  const developerIds = new Set<string>();
  for (const { row, cells } of raw) {
    for (const k of REQUIRED) if (!cells[k]) fail(row, k, 'voting.import.required');
    const flag = cells.developer ?? '否';
    const isDeveloper = ['是', 'Y', 'y', '1', 'true'].includes(flag);
    if (!isDeveloper && !['否', 'N', 'n', '0', 'false'].includes(flag)) fail(row, 'developer', 'voting.import.badFlag');
    const identity = cells.identity ? normalizeIdNumber(cells.identity) : null;
    if (!identity && !isDeveloper) fail(row, 'identity', 'voting.import.required');
    if (identity && (!/^[0-9A-Z-]{5,30}$/.test(identity) || (/^\d{17}[\dX]$/.test(identity) && !isValidIdNumber(identity)))) fail(row, 'identity', 'voting.import.badIdentity');
    const areas = { registeredArea: null as number | null, surveyedArea: null as number | null, contractArea: null as number | null };
    for (const k of ['registeredArea', 'surveyedArea', 'contractArea'] as const) {
      if (!cells[k]) continue;
      areas[k] = parseArea(cells[k]);
      if (areas[k] === null) fail(row, k, 'voting.import.badArea');
    }
    if (!cells.registeredArea && !cells.surveyedArea && !cells.contractArea) fail(row, 'registeredArea', 'voting.import.noArea');
    if (cells.label) {
      const label = cells.label.replace(/\s+/g, ' ');
      const first = labels.get(label);
      if (first !== undefined) fail(row, 'label', 'voting.import.duplicateUnit', { row: first });
      else labels.set(label, row);
    }
    if (identity && cells.name && !isDeveloper) {
      const seen = names.get(identity);
      if (seen && seen.name !== cells.name) fail(row, 'name', 'voting.import.nameMismatch', { row: seen.row });
      else if (!seen) names.set(identity, { row, name: cells.name });
    }
    if (identity && isDeveloper) developerIds.add(identity);
    rows.push({ row, label: (cells.label ?? '').replace(/\s+/g, ' '), name: cells.name ?? '', identity, ...areas, isDeveloper });
  }
  for (const r of rows) if (!r.isDeveloper && r.identity && developerIds.has(r.identity)) fail(r.row, 'identity', 'voting.import.developerIsOwner');
  const order = Object.values(REGISTER_COLUMNS) as string[];
  errors.sort((a, b) => a.row - b.row || order.indexOf(a.column) - order.indexOf(b.column));
  return { rows, errors };
}
