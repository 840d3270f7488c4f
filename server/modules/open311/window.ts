import { Open311Error } from './format.ts';

/** The specification's default and longest span of a request search. */
export const WINDOW_DAYS = 90;
const DAY = 86_400_000;

/**
 * The requested-time window of GET requests: neither date → the last 90 days; one date → 90 days
 * from (or up to) it; both → as given, at most 90 days apart and in order.
 */
export function requestWindow(start: Date | undefined, end: Date | undefined, now: Date): { from: Date; to: Date } {
  const to = end ?? (start ? new Date(start.getTime() + WINDOW_DAYS * DAY) : now);
  const from = start ?? new Date(to.getTime() - WINDOW_DAYS * DAY);
  if (from > to) throw new Open311Error(400, 'open311.dateOrder');
  if (to.getTime() - from.getTime() > WINDOW_DAYS * DAY) throw new Open311Error(400, 'open311.dateSpan', { days: WINDOW_DAYS });
  return { from, to };
}
