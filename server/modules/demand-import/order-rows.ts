import type { RowError } from '../../core/errors.ts';
import { t } from '../../core/i18n.ts';
import { type ImportField, type Mapping, fieldLabels } from './fields.ts';
import type { OrderRow } from './order-file.ts';
import './messages.ts';

/** One order read through the mapping: trimmed texts, the time parsed, nothing looked up yet. */
export interface Order {
  row: number;
  externalNo: string;
  createdAt: Date | null;
  categoryCode: string | null;
  categoryName: string | null;
  territory: string | null;
  address: string | null;
  description: string;
  contactName: string | null;
  contactPhone: string | null;
}

const limits: Partial<Record<ImportField, number>> = { externalNo: 64, address: 200, description: 4000, contactName: 50, categoryName: 80, categoryCode: 80, territoryCode: 80 };
const OFFSET_MS = 8 * 3_600_000;
/** A clock a little ahead of ours on the hotline's side is not an error. */
const CLOCK_SLACK_MS = 10 * 60_000;

/** Report texts are Chinese: the people who fix the file read Chinese. */
export const rowError = (row: number, field: ImportField, code: string, params: Record<string, unknown> = {}): RowError =>
  ({ row, column: fieldLabels[field], message: t('zh-CN', `demandImport.row.${code}`, params) });

/** Reads each row through the mapping, checking what can be checked without the database. */
export function readOrders(headers: string[], rows: OrderRow[], mapping: Mapping, now: Date, errors: RowError[]): Order[] {
  const col = Object.fromEntries(Object.entries(mapping).map(([f, h]) => [f, headers.indexOf(h!)])) as Partial<Record<ImportField, number>>;
  const orders: Order[] = [];
  for (const r of rows) {
    const bad = errors.length;
    const get = (f: ImportField) => {
      const i = col[f];
      const v = i === undefined || i < 0 ? '' : (r.cells[i] ?? '').trim();
      const max = limits[f];
      if (max && v.length > max) errors.push(rowError(r.row, f, 'tooLong', { max }));
      return v || null;
    };
    const externalNo = get('externalNo');
    const description = get('description');
    if (!externalNo) errors.push(rowError(r.row, 'externalNo', 'required'));
    if (!description) errors.push(rowError(r.row, 'description', 'required'));
    const timeText = get('createdAt');
    const createdAt = timeText ? parseOrderTime(timeText) : null;
    if (timeText && (!createdAt || createdAt.getTime() > now.getTime() + CLOCK_SLACK_MS)) errors.push(rowError(r.row, 'createdAt', 'badTime', { value: timeText }));
    const contactPhone = get('contactPhone');
    if (contactPhone && !/^\+?\d{5,20}$/.test(contactPhone.replace(/[\s()-]/g, ''))) errors.push(rowError(r.row, 'contactPhone', 'badPhone', { value: contactPhone }));
    if (errors.length > bad) continue;
    orders.push({
      row: r.row, externalNo: externalNo!, createdAt, description: description!,
      categoryCode: get('categoryCode'), categoryName: get('categoryName'), territory: get('territoryCode'),
      address: get('address'), contactName: get('contactName'), contactPhone: contactPhone?.replace(/[\s()-]/g, '') ?? null,
    });
  }
  return orders;
}

/**
 * A hotline time as Shanghai wall time: 2026-03-05 14:20[:10], 2026/3/5 14:20, 2026年3月5日 14时20分,
 * or a date alone (midnight). Null when it is none of these or not a real date.
 */
export function parseOrderTime(text: string): Date | null {
  const plain = text.trim().replace(/[时分]/g, ':').replace(/[秒]/g, '').replace(/:$/, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?$/.exec(plain);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((x) => x ?? undefined) as string[];
  const parts = [+y!, +mo! - 1, +d!, +h, +mi, +s] as const;
  const utc = Date.UTC(...parts);
  const back = new Date(utc);
  if (back.getUTCMonth() !== parts[1] || back.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  if (parts[0] < 2000) return null;
  return new Date(utc - OFFSET_MS);
}
