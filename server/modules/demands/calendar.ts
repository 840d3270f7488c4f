import { and, between, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { workCalendar } from '../../db/schema/demands.ts';

/** The district's time zone: working days and deadlines are counted on Shanghai's calendar. */
export const TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000; // China has no daylight-saving time

/** The calendar day (YYYY-MM-DD) an instant falls on in Shanghai. */
export const dayOf = (at: Date) => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The instant a Shanghai calendar day begins (00:00 local). */
export const startOfDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);

/** The instant a Shanghai calendar day ends (23:59:59.999 local). */
export const endOfDay = (day: string) => new Date(startOfDay(day).getTime() + 86_400_000 - 1);

/** The calendar day `n` days after (or before, when negative) a day. */
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/** Exceptions to Monday–Friday for a span of days: holidays on weekdays, weekend days worked (调休). */
export type Exceptions = Map<string, 'holiday' | 'workday'>;

export async function loadExceptions(db: Db, districtId: string, from: string, to: string): Promise<Exceptions> {
  const rows = await db.select().from(workCalendar).where(and(eq(workCalendar.districtId, districtId), between(workCalendar.day, from, to)));
  return new Map(rows.map((r) => [r.day, r.kind]));
}

export function isWorkingDay(day: string, exceptions: Exceptions): boolean {
  const e = exceptions.get(day);
  return e ? e === 'workday' : !isWeekend(day);
}

/**
 * The deadline `days` working days after `from`: the end of the n-th working day following the
 * day `from` falls on (a demand accepted on Friday with 2 days is due at the end of Tuesday).
 */
export function addWorkingDaysWith(from: Date, days: number, exceptions: Exceptions): Date {
  let day = dayOf(from);
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, exceptions)) left--;
  }
  return endOfDay(day);
}

/** Working days between two instants' days, `from` exclusive and `to` inclusive (0 when `to` is not later). */
export function workingDaysBetween(from: Date, to: Date, exceptions: Exceptions): number {
  let n = 0;
  for (let day = dayOf(from), last = dayOf(to); day < last;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, exceptions)) n++;
  }
  return n;
}

/** `addWorkingDaysWith` reading the district's calendar (a generous window: long holidays included). */
export async function addWorkingDays(db: Db, districtId: string, from: Date, days: number): Promise<Date> {
  const start = dayOf(from);
  const exceptions = await loadExceptions(db, districtId, start, addDays(start, days * 2 + 30));
  return addWorkingDaysWith(from, days, exceptions);
}
