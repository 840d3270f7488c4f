import { describe, expect, it } from 'vitest';
import { type Exceptions, addDays, addWorkingDaysWith, dayOf, endOfDay, startOfDay, workingDaysBetween } from '../demands/calendar.ts';
import { calendarDays, holidays2026 } from './holidays.ts';
import { acceptanceCutoff, nextLevel, remindBefore } from './rules.ts';

const cn2026: Exceptions = new Map(calendarDays(holidays2026).map((d) => [d.day, d.kind]));
const sh = (local: string) => new Date(`${local}+08:00`);

describe('the 2026 calendar', () => {
  it('holds the State Council holidays and exchanged workdays', () => {
    const days = calendarDays(holidays2026);
    expect(days.filter((d) => d.kind === 'workday').map((d) => d.day)).toEqual(
      ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    );
    expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(days.find((d) => d.day === '2026-02-17')).toEqual({ day: '2026-02-17', kind: 'holiday', name: '春节' });
    // Each exchanged workday is a weekend day; each holiday span ends where the notice says.
    for (const d of days.filter((x) => x.kind === 'workday')) expect([0, 6]).toContain(new Date(`${d.day}T00:00:00Z`).getUTCDay());
    expect(new Set(days.map((d) => d.day)).size).toBe(days.length);
  });
});

describe('levels', () => {
  it('goes from the community to the street to the district, and stays there', () => {
    expect(nextLevel('community')).toBe('street');
    expect(nextLevel('street')).toBe('district');
    expect(nextLevel('district')).toBe('district');
  });
});

describe('the reminder window', () => {
  it('takes in what is due by the end of the next working day with one day, weekends after it included', () => {
    // Thursday: due Friday is within one working day; due Monday is not.
    expect(remindBefore(sh('2026-03-05T10:00'), 1, cn2026)).toEqual(startOfDay('2026-03-09'));
    // Friday: due Monday is within one working day.
    expect(remindBefore(sh('2026-03-06T10:00'), 1, cn2026)).toEqual(startOfDay('2026-03-10'));
    // The day before 春节's Saturday worked: that Saturday, then nothing until 24 February.
    expect(remindBefore(sh('2026-02-13T10:00'), 1, cn2026)).toEqual(startOfDay('2026-02-24'));
    // Zero days: only what is due today (and the rest days right after it).
    expect(remindBefore(sh('2026-03-06T10:00'), 0, cn2026)).toEqual(startOfDay('2026-03-09'));
  });

  it('is exactly "at most remindDays working days to go" for every deadline of 2026', () => {
    for (let now = sh('2026-01-01T09:30'); now < sh('2026-12-31T00:00'); now = new Date(now.getTime() + 86_400_000)) {
      for (const r of [0, 1, 2, 3]) {
        const limit = remindBefore(now, r, cn2026);
        for (let k = 0; k < 20; k++) {
          const dueAt = endOfDay(addDays(dayOf(now), k));
          if (dueAt < now) continue;
          expect(dueAt < limit, `${now.toISOString()} r=${r} due ${dueAt.toISOString()}`).toBe(workingDaysBetween(now, dueAt, cn2026) <= r);
        }
      }
    }
  });
});

describe('the acceptance deadline of a submitted demand', () => {
  it('lets a demand wait until the end of the next working day', () => {
    const cutoff = (now: string) => acceptanceCutoff(sh(now), cn2026);
    // Submitted Monday: fine all Tuesday, overdue on Wednesday.
    expect(sh('2026-03-09T10:00') < cutoff('2026-03-10T23:00')).toBe(false);
    expect(sh('2026-03-09T10:00') < cutoff('2026-03-11T00:00')).toBe(true);
    // Submitted on Friday evening: due Monday, overdue Tuesday.
    expect(sh('2026-03-06T20:00') < cutoff('2026-03-09T23:59')).toBe(false);
    expect(sh('2026-03-06T20:00') < cutoff('2026-03-10T00:01')).toBe(true);
    // Submitted on the eve of 春节: due the Saturday worked; overdue from the 15th.
    expect(sh('2026-02-13T18:00') < cutoff('2026-02-14T23:00')).toBe(false);
    expect(sh('2026-02-13T18:00') < cutoff('2026-02-15T08:00')).toBe(true);
    // Submitted during 春节: due the first day back.
    expect(sh('2026-02-16T09:00') < cutoff('2026-02-24T22:00')).toBe(false);
    expect(sh('2026-02-16T09:00') < cutoff('2026-02-25T08:00')).toBe(true);
  });

  it('agrees with "one working day after submission has passed" for any hour of 2026', () => {
    for (let t = sh('2025-12-28T00:00').getTime(); t < sh('2027-01-03T00:00').getTime(); t += 5 * 3_600_000 + 17 * 60_000) {
      const submitted = new Date(t);
      const dueAt = addWorkingDaysWith(submitted, 1, cn2026);
      for (const later of [1, 20, 30, 50, 75, 100, 200, 300]) {
        const now = new Date(t + later * 3_600_000);
        expect(submitted < acceptanceCutoff(now, cn2026), `${submitted.toISOString()} at ${now.toISOString()}`).toBe(dueAt < now);
      }
    }
  });
});
