import type { DemandLevel } from '../../db/schema/demands.ts';
import { type Exceptions, addDays, addWorkingDaysWith, dayOf, isWorkingDay, startOfDay } from '../demands/calendar.ts';

/** Working days the community has to accept (or reject) a submitted demand before it counts as overdue. */
export const ACCEPT_DAYS = 1;

/** Who takes a demand its holder could not settle: the street, then the district, which stays. */
export function nextLevel(level: DemandLevel): DemandLevel {
  return level === 'community' ? 'street' : 'district';
}

/**
 * The end of the reminder window: a demand due before this instant is due within `remindDays`
 * working days of `now` (the start of the (remindDays + 1)-th working day after today).
 */
export function remindBefore(now: Date, remindDays: number, ex: Exceptions): Date {
  return new Date(addWorkingDaysWith(now, remindDays + 1, ex).getTime() - 86_400_000 + 1);
}

/**
 * A submitted demand is due for acceptance at the end of the `ACCEPT_DAYS`-th working day after
 * the day it came in. It is overdue now when that many working days lie wholly between its day
 * and today, that is when it came in before the `ACCEPT_DAYS`-th working day back from yesterday.
 */
export function acceptanceCutoff(now: Date, ex: Exceptions, days = ACCEPT_DAYS): Date {
  let day = dayOf(now);
  for (let left = days; left > 0;) {
    day = addDays(day, -1);
    if (isWorkingDay(day, ex)) left--;
  }
  return startOfDay(day);
}
