import type { agendaStates } from '../../db/schema/deliberation.ts';
import { type Actor, grantsFor } from '../../core/policy.ts';
import { idsOfPath } from '../territory/rules.ts';
// The schedule action is a meeting right: its permission must be declared before it is asked.
import '../meetings/policy.ts';
import { AGENDA_PEOPLE, AGENDA_STAFF } from './policy.ts';

export type AgendaState = (typeof agendaStates)[number];

/** The community (neighbourhood or village: the third level of the tree) a path lies in. */
export function communityPathOf(path: string): string {
  const ids = idsOfPath(path);
  return ids.length <= 3 ? path : `/${ids.slice(0, 3).join('/')}/`;
}

/** States a resident of the community may read: what the party organisation has taken up. */
export const PUBLIC_STATES: AgendaState[] = ['accepted', 'scheduled', 'decided'];
/** Items another one may be merged into. */
export const MERGE_TARGET_STATES: AgendaState[] = ['proposed', 'accepted', 'scheduled'];

/** The communities the caller belongs to as a resident or party member. */
export function ownCommunities(actor: Actor, permission: string): string[] {
  return [...new Set(grantsFor(actor, permission).filter((g) => (AGENDA_PEOPLE as readonly string[]).includes(g.role)).map((g) => communityPathOf(g.path)))];
}

/** Granted subtrees of the caller as staff for a permission. */
export function staffPaths(actor: Actor, permission: string): string[] {
  return grantsFor(actor, permission).filter((g) => (AGENDA_STAFF as readonly string[]).includes(g.role)).map((g) => g.path);
}

export const isStaffAt = (actor: Actor, permission: string, path: string) => staffPaths(actor, permission).some((p) => path.startsWith(p));

/** What the caller may do with an item now, so a screen shows only working buttons. */
export function agendaActions(actor: Actor, item: { path: string; state: AgendaState; proposedBy: string | null; proposerPersonId: string | null }) {
  const out: ('accept' | 'merge' | 'return' | 'withdraw' | 'schedule')[] = [];
  const reviewer = isStaffAt(actor, 'agenda.review', item.path);
  if (item.state === 'proposed' && reviewer) out.push('accept', 'merge', 'return');
  const mayPropose = isStaffAt(actor, 'agenda.propose', item.path) || ownCommunities(actor, 'agenda.propose').includes(communityPathOf(item.path));
  if (item.state === 'proposed' && isProposer(actor, item) && mayPropose) out.push('withdraw');
  if (item.state === 'accepted' && isStaffAt(actor, 'meeting.manage', item.path)) out.push('schedule');
  return out;
}

export const isProposer = (actor: Actor, item: { proposedBy: string | null; proposerPersonId: string | null }) =>
  item.proposedBy === actor.accountId || (!!actor.personId && item.proposerPersonId === actor.personId);
