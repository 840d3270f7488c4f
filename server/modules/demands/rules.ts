import type { DemandAction, DemandState } from '../../db/schema/demands.ts';

/**
 * The lifecycle: submitted → accepted (or rejected, with a reason the resident sees) → assigned →
 * in progress → resolved → closed by the resident's rating. An unsatisfied rating reopens it once
 * (back to in progress); a second unsatisfied rating closes it as it stands. A duplicate is merged
 * into another demand and ends there.
 */
export const transitions: Partial<Record<DemandAction, { from: readonly DemandState[]; to: DemandState | null }>> = {
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted'], to: 'rejected' },
  assign: { from: ['accepted', 'assigned', 'in_progress'], to: 'assigned' },
  start: { from: ['accepted', 'assigned'], to: 'in_progress' },
  resolve: { from: ['accepted', 'assigned', 'in_progress'], to: 'resolved' },
  rate: { from: ['resolved'], to: null }, // closed, or in_progress again when unsatisfied the first time
  close: { from: ['resolved'], to: 'closed' }, // by the worker when the resident does not rate in time
  merge: { from: ['submitted', 'accepted', 'assigned', 'in_progress'], to: 'merged' },
  escalate: { from: ['submitted', 'accepted', 'assigned', 'in_progress'], to: null }, // level changes, state stays
  whistle: { from: ['submitted', 'accepted', 'assigned', 'in_progress'], to: null },
  take: { from: ['submitted', 'accepted', 'assigned', 'in_progress'], to: null },
};

/** States in which a demand is being worked and its deadline runs. */
export const OPEN_STATES: readonly DemandState[] = ['accepted', 'assigned', 'in_progress'];
/** States after which nothing more happens to it. */
export const FINAL_STATES: readonly DemandState[] = ['rejected', 'closed', 'merged'];

export const canTransition = (action: DemandAction, from: DemandState) => transitions[action]?.from.includes(from) ?? false;

/** Photos a demand may carry, the resident's and the handlers' together. */
export const MAX_PHOTOS = 9;

/** How many times an unsatisfied rating may reopen a demand. */
export const MAX_REOPENS = 1;

/** Days a resolved demand waits for the resident's rating before a worker may close it unrated. */
export const RATING_WAIT_DAYS = 7;

/** SQ + the Shanghai date + a 5-digit serial: SQ2026112900042. */
export function demandNo(day: string, serial: number): string {
  return `SQ${day.replaceAll('-', '')}${String(serial % 100_000).padStart(5, '0')}`;
}
