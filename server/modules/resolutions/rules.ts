import { idsOfPath } from '../territory/rules.ts';

/** Pure rules of a resolution's life: publication window, overdue, the steps open to a caller. */

export type ResolutionState = 'draft' | 'published' | 'in_progress' | 'done' | 'withdrawn';
export const RESOLUTION_STATES = ['draft', 'published', 'in_progress', 'done', 'withdrawn'] as const;
/** States a resident may read. */
export const PUBLIC_STATES = ['published', 'in_progress', 'done'] as const;
/** States in which the work is under way: progress may be noted, the deadline can lapse. */
export const TRACKED_STATES = ['published', 'in_progress'] as const;

const DAY_MS = 86_400_000;

export const publicUntilOf = (publishedAt: Date, publicDays: number) => new Date(publishedAt.getTime() + publicDays * DAY_MS);

interface Timing {
  state: ResolutionState;
  dueOn: string | null;
  publicUntil: Date | null;
}

const tracked = (state: ResolutionState) => (TRACKED_STATES as readonly string[]).includes(state);

/** Overdue: its deadline day is past (on Shanghai's calendar, `today`) and the work is not done. */
export const isOverdue = (r: Timing, today: string) => tracked(r.state) && r.dueOn !== null && r.dueOn < today;

/** Objections are taken while the publication runs. */
export const publicationOpen = (r: Timing, now: Date) => tracked(r.state) && r.publicUntil !== null && r.publicUntil > now;

export type ResolutionAction = 'edit' | 'publish' | 'withdraw' | 'object' | 'answer' | 'progress' | 'done';

/** The steps this caller may take now, so the UI shows only working buttons. */
export function actionsFor(r: Timing, may: { manage: boolean; object: boolean }, now: Date): ResolutionAction[] {
  const out: ResolutionAction[] = [];
  if (may.manage) {
    if (r.state === 'draft') out.push('edit', 'publish', 'withdraw');
    if (r.state === 'published') out.push('edit', 'withdraw');
    if (r.state === 'in_progress') out.push('edit');
    if (r.state !== 'draft' && r.state !== 'withdrawn') out.push('answer');
    if (tracked(r.state)) out.push('progress', 'done');
  }
  if (may.object && publicationOpen(r, now)) out.push('object');
  return out;
}

/** The community a grant below it lies in: district / street / community. */
export const communityPathOf = (path: string) => `/${idsOfPath(path).slice(0, 3).join('/')}/`;
