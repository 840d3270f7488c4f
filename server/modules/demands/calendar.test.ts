import { describe, expect, it } from 'vitest';
import { calendarDays, holidays2026 } from '../demand-deadlines/holidays.ts';
import { type Exceptions, addWorkingDaysWith, dayOf, endOfDay, isWorkingDay, startOfDay, workingDaysBetween } from './calendar.ts';

const cn2026: Exceptions = new Map(calendarDays(holidays2026).map((d) => [d.day, d.kind]));
const none: Exceptions = new Map();
/** An instant given as Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`);
const due = (from: Date, days: number, ex = cn2026) => addWorkingDaysWith(from, days, ex).toISOString();
/** The instant a Shanghai day ends, as the API writes it. */
const endOf = (day: string) => endOfDay(day).toISOString();

describe('Shanghai days', () => {
  it('puts 16:00 UTC on the next Shanghai day, and a millisecond before it on the same day', () => {
    expect(dayOf(new Date('2026-03-05T15:59:59.999Z'))).toBe('2026-03-05');
    expect(dayOf(new Date('2026-03-05T16:00:00.000Z'))).toBe('2026-03-06');
    expect(dayOf(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01');
    expect(dayOf(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31');
  });

  it('starts a day at 00:00 and ends it at 23:59:59.999 Shanghai time', () => {
    expect(startOfDay('2026-03-09').toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(endOf('2026-03-09')).toBe('2026-03-09T15:59:59.999Z');
    expect(endOf('2026-12-31')).toBe('2026-12-31T15:59:59.999Z');
    expect(endOfDay('2026-02-28').getTime() + 1).toBe(startOfDay('2026-03-01').getTime());
  });
});

describe('working days', () => {
  it('works Monday to Friday when the calendar says nothing', () => {
    expect(['2026-03-09', '2026-03-13'].map((d) => isWorkingDay(d, none))).toEqual([true, true]);
    expect(['2026-03-07', '2026-03-08'].map((d) => isWorkingDay(d, none))).toEqual([false, false]);
  });

  it('rests on a holiday that falls on a weekday and works on an exchanged weekend day (调休)', () => {
    expect(isWorkingDay('2026-01-01', cn2026)).toBe(false); // Thursday, 元旦
    expect(isWorkingDay('2026-02-23', cn2026)).toBe(false); // Monday, 春节
    expect(isWorkingDay('2026-10-07', cn2026)).toBe(false); // Wednesday, 国庆节
    expect(isWorkingDay('2026-01-04', cn2026)).toBe(true); // Sunday worked
    expect(isWorkingDay('2026-02-14', cn2026)).toBe(true); // Saturday worked
    expect(isWorkingDay('2026-09-20', cn2026)).toBe(true); // Sunday worked
    expect(isWorkingDay('2026-04-04', cn2026)).toBe(false); // Saturday inside 清明节
  });
});

describe('deadlines: n working days after acceptance, due at the end of the last one', () => {
  it.each([
    // accepted (Shanghai time), days, due at the end of
    ['2026-03-06T10:00', 2, '2026-03-10', 'Friday + 2 skips the weekend to Tuesday'],
    ['2026-03-07T10:00', 1, '2026-03-09', 'accepted on a Saturday: Monday'],
    ['2026-03-08T23:30', 1, '2026-03-09', 'Sunday late evening: Monday'],
    ['2026-03-09T00:00', 1, '2026-03-10', 'Monday just after midnight: Tuesday'],
    ['2026-03-09T09:00', 0, '2026-03-09', 'no days: the end of the same day'],
    ['2026-03-02T09:00', 10, '2026-03-16', 'two whole weeks'],
    ['2026-04-30T15:00', 1, '2026-05-06', 'Thursday before 劳动节: the holiday 1–5 May is skipped'],
    ['2026-05-08T15:00', 1, '2026-05-09', 'Friday before the exchanged Saturday 9 May: that Saturday'],
    ['2026-05-08T15:00', 2, '2026-05-11', 'and the day after it: Monday'],
    ['2026-02-13T11:00', 1, '2026-02-14', 'Friday before 春节: the Saturday worked'],
    ['2026-02-13T11:00', 2, '2026-02-24', 'then the nine days of 春节'],
    ['2026-02-16T11:00', 1, '2026-02-24', 'accepted during the holiday: the first day back'],
    ['2026-02-27T11:00', 1, '2026-02-28', 'the Saturday worked after 春节'],
    ['2026-09-19T11:00', 1, '2026-09-20', 'the Sunday worked before 国庆节'],
    ['2026-09-30T11:00', 3, '2026-10-10', 'across 国庆节 and 中秋节 to the Saturday worked'],
    ['2026-09-24T11:00', 1, '2026-09-28', '中秋节 on Friday: Monday'],
    ['2026-06-18T11:00', 1, '2026-06-22', '端午节 on Friday: Monday'],
    ['2026-04-03T11:00', 1, '2026-04-07', '清明节 Monday: Tuesday'],
  ])('%s + %i working days → end of %s (%s)', (accepted, days, day) => {
    expect(due(sh(accepted), days)).toBe(endOf(day));
  });

  it('crosses the year boundary into 元旦 and the Sunday worked after it', () => {
    expect(due(sh('2025-12-31T09:00'), 1)).toBe(endOf('2026-01-04'));
    expect(due(sh('2025-12-31T09:00'), 2)).toBe(endOf('2026-01-05'));
    expect(due(sh('2025-12-30T09:00'), 1)).toBe(endOf('2025-12-31'));
    // Without the 2026 calendar, 1 January 2026 (a Thursday) would have been the day.
    expect(due(sh('2025-12-31T09:00'), 1, none)).toBe(endOf('2026-01-01'));
    expect(due(sh('2026-12-31T09:00'), 1, none)).toBe(endOf('2027-01-01'));
  });

  it('counts from the Shanghai day, not the UTC day, at 16:00 UTC', () => {
    // 15:59:59.999Z is Thursday 23:59 in Shanghai; one millisecond later it is Friday.
    expect(due(new Date('2026-03-05T15:59:59.999Z'), 1)).toBe(endOf('2026-03-06'));
    expect(due(new Date('2026-03-05T16:00:00.000Z'), 1)).toBe(endOf('2026-03-09'));
    // New Year's Eve 16:30 UTC is already 1 January in Shanghai, a holiday.
    expect(due(new Date('2025-12-31T16:30:00Z'), 1)).toBe(endOf('2026-01-04'));
    expect(due(new Date('2025-12-31T15:30:00Z'), 1)).toBe(endOf('2026-01-04'));
    expect(due(new Date('2025-12-30T15:30:00Z'), 1)).toBe(endOf('2025-12-31'));
    expect(due(new Date('2025-12-30T16:30:00Z'), 1)).toBe(endOf('2026-01-04'));
  });
});

describe('working days between two instants', () => {
  it.each([
    ['2026-03-06T10:00', '2026-03-10T10:00', 2, 'Friday to Tuesday'],
    ['2026-03-06T10:00', '2026-03-06T23:00', 0, 'the same day'],
    ['2026-03-10T10:00', '2026-03-06T10:00', 0, 'backwards'],
    ['2026-02-13T10:00', '2026-02-24T10:00', 2, 'across 春节: the Saturday worked and the first day back'],
    ['2025-12-31T10:00', '2026-01-05T10:00', 2, 'across 元旦: Sunday 4 and Monday 5 January'],
    ['2026-09-30T10:00', '2026-10-08T10:00', 1, 'across 国庆节'],
  ])('%s → %s: %i (%s)', (from, to, n) => {
    expect(workingDaysBetween(sh(from), sh(to), cn2026)).toBe(n);
  });

  it('agrees with the deadline arithmetic for every start in 2026 and up to 15 days', () => {
    for (let t = sh('2025-12-25T12:00').getTime(); t < sh('2027-01-05T12:00').getTime(); t += 86_400_000) {
      const from = new Date(t);
      for (let n = 1; n <= 15; n++) {
        const end = addWorkingDaysWith(from, n, cn2026);
        expect(workingDaysBetween(from, end, cn2026)).toBe(n);
        expect(isWorkingDay(dayOf(end), cn2026)).toBe(true);
        // One day less would not be enough.
        expect(workingDaysBetween(from, new Date(startOfDay(dayOf(end)).getTime() - 1), cn2026)).toBe(n - 1);
      }
    }
  });
});
