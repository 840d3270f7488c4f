import type { Db } from '../../db/client.ts';
import { workCalendar } from '../../db/schema/demands.ts';
import { addDays } from '../demands/calendar.ts';

interface Span {
  name: string;
  /** First and last day of the holiday, weekends inside it included. */
  from: string;
  to: string;
  /** Weekend days worked in exchange (调休上班). */
  workdays: string[];
}

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电, 4 November 2025): the seven holidays
 * of 2026 and the weekend days worked in exchange.
 */
export const holidays2026: Span[] = [
  { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
  { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', from: '2026-04-04', to: '2026-04-06', workdays: [] },
  { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
  { name: '端午节', from: '2026-06-19', to: '2026-06-21', workdays: [] },
  { name: '中秋节', from: '2026-09-25', to: '2026-09-27', workdays: [] },
  { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
];

/** The calendar rows of a list of holidays: every day of each holiday, and each exchange workday. */
export function calendarDays(spans: Span[]): { day: string; kind: 'holiday' | 'workday'; name: string }[] {
  return spans.flatMap((s) => {
    const days: { day: string; kind: 'holiday' | 'workday'; name: string }[] = [];
    for (let day = s.from; day <= s.to; day = addDays(day, 1)) days.push({ day, kind: 'holiday', name: s.name });
    return [...days, ...s.workdays.map((day) => ({ day, kind: 'workday' as const, name: `${s.name}调休上班` }))];
  });
}

/** Gives a district the 2026 calendar; days it already set (its own changes) are left alone. */
export async function ensureCalendar2026(db: Db, districtId: string): Promise<void> {
  await db.insert(workCalendar).values(calendarDays(holidays2026).map((d) => ({ ...d, districtId }))).onConflictDoNothing();
}
