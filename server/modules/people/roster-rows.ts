import type { RowError } from '../../core/errors.ts';
import { t, type Locale } from '../../core/i18n.ts';
import { isValidIdNumber, isValidPhone, normalizeIdNumber, normalizePhone } from '../../core/pii.ts';
import { type ColumnKey, type RosterKind, columnsOf } from './roster-columns.ts';
import type { RawRow } from './roster-file.ts';

/** A row after the checks that need no database; a field is null when absent or invalid. */
export interface RosterRow {
  row: number;
  name: string;
  idNumber: string | null;
  phone: string | null;
  nodeCode: string | null;
  building: string | null;
  room: string | null;
  relation: string | null;
  joinedPartyOn: string | null;
  partyOrg: string | null;
}

const maxLength: Partial<Record<ColumnKey, number>> = { name: 32, nodeCode: 32, building: 64, room: 32, relation: 16, partyOrg: 64 };

/** Checks every row on its own and against the others in the file; reports all problems at once. */
export function checkRows(raw: RawRow[], kind: RosterKind, locale: Locale, today = new Date()) {
  const columns = columnsOf(kind);
  const header = Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  const rows: RosterRow[] = raw.map(({ row, cells }) => {
    const fail = (key: ColumnKey, code: string, params: Record<string, unknown> = {}) => {
      errors.push({ row, column: header[key], message: t(locale, code, params) });
      return null;
    };
    const text = (key: ColumnKey): string | null => {
      const v = cells[key];
      if (!v) return columns.find((c) => c.key === key)?.required ? fail(key, 'field.required') : null;
      const max = maxLength[key];
      return max && v.length > max ? fail(key, 'field.tooLong', { max }) : v;
    };
    const name = text('name') ?? '';
    let idNumber = text('idNumber');
    if (idNumber !== null) {
      idNumber = normalizeIdNumber(idNumber);
      if (!isValidIdNumber(idNumber)) idNumber = fail('idNumber', 'idNumber.invalid');
      else if (firstRowOf.has(idNumber)) idNumber = fail('idNumber', 'import.duplicateInFile', { row: firstRowOf.get(idNumber) });
      else firstRowOf.set(idNumber, row);
    }
    let phone = text('phone');
    if (phone !== null) {
      phone = normalizePhone(phone);
      if (!isValidPhone(phone)) phone = fail('phone', 'phone.invalid');
    }
    const joined = kind === 'party_members' ? text('joinedPartyOn') : null;
    return {
      row, name, idNumber, phone,
      nodeCode: text('nodeCode'), building: text('building'), room: text('room'), relation: text('relation'),
      joinedPartyOn: joined !== null && !isPastDate(joined, today) ? fail('joinedPartyOn', 'import.badDate') : joined,
      partyOrg: kind === 'party_members' ? text('partyOrg') : null,
    };
  });
  return { rows, errors };
}

/** A real calendar date written YYYY-MM-DD, not in the future. */
export function isPastDate(s: string, today: Date): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) && Number(m[1]) >= 1900 && s <= today.toISOString().slice(0, 10);
}
