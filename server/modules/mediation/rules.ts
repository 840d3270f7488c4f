import type { mediationCase } from '../../db/schema/deliberation.ts';

export type CaseState = (typeof mediationCase.$inferSelect)['state'];

export const caseActions = ['party', 'mediator', 'session', 'agreement', 'sign', 'fail', 'followUp'] as const;
export type CaseAction = (typeof caseActions)[number];

/** What each state lets a handler do: the case runs open → in mediation → agreed (or failed) → closed after the follow-up visit. */
const allowed: Record<CaseState, readonly CaseAction[]> = {
  open: ['party', 'mediator', 'session', 'agreement', 'fail'],
  in_mediation: ['party', 'mediator', 'session', 'agreement', 'sign', 'fail'],
  agreed: ['followUp'],
  failed: [],
  closed: [],
};

export const canDo = (action: CaseAction, state: CaseState) => allowed[state].includes(action);

/** TJ2026-00042: the year the case was opened and the district-wide serial. */
export const caseNo = (year: number, serial: number) => `TJ${year}-${String(serial).padStart(5, '0')}`;
