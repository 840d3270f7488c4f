import { type Actor, grantsFor } from '../../core/policy.ts';
import type { Role } from '../../db/schema/accounts.ts';
import type { DemandLevel, DemandState, demand } from '../../db/schema/demands.ts';
import { DEMAND_STAFF } from './policy.ts';
import { RATING_WAIT_DAYS, canTransition } from './rules.ts';

type Demand = Pick<typeof demand.$inferSelect, 'path' | 'level' | 'state' | 'reporterPersonId' | 'createdBy' | 'rating' | 'resolvedAt'>;

/**
 * Who holds a demand at each level: the community's staff and the grid's worker while it sits with
 * the community; above that only the street (and the district, which may always step in).
 */
export const HANDLERS_BY_LEVEL: Record<DemandLevel, readonly Role[]> = {
  community: ['grid_worker', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  street: ['street_admin', 'district_admin'],
  district: ['district_admin'],
};

/** Who may blow the whistle (吹哨) at each level: the community to the street, the street to the district. */
const WHISTLERS_BY_LEVEL: Record<DemandLevel, readonly Role[]> = {
  community: ['community_worker', 'community_secretary'],
  street: ['street_admin'],
  district: [],
};

/** Roles that may assign a demand to a line department (职能部门). */
export const LINE_ASSIGNERS: readonly Role[] = ['street_admin', 'district_admin'];

const covering = (actor: Actor, permission: string, roles: readonly Role[], path: string) =>
  grantsFor(actor, permission).filter((g) => roles.includes(g.role) && path.startsWith(g.path));

/** Staff whose territory holds the demand: they see its masked contact and its internal steps. */
export const isStaffFor = (actor: Actor, d: Pick<Demand, 'path'>) => covering(actor, 'demand.read', DEMAND_STAFF, d.path).length > 0;

export const canHandle = (actor: Actor, d: Pick<Demand, 'path' | 'level'>) => covering(actor, 'demand.handle', HANDLERS_BY_LEVEL[d.level], d.path).length > 0;

export const canAssignLine = (actor: Actor, d: Pick<Demand, 'path' | 'level'>) =>
  covering(actor, 'demand.handle', HANDLERS_BY_LEVEL[d.level], d.path).some((g) => LINE_ASSIGNERS.includes(g.role));

export const canWhistle = (actor: Actor, d: Pick<Demand, 'path' | 'level' | 'state'>) =>
  canTransition('whistle', d.state) && covering(actor, 'demand.escalate', WHISTLERS_BY_LEVEL[d.level], d.path).length > 0;

export const isReporter = (actor: Actor, d: Pick<Demand, 'reporterPersonId'>) => !!actor.personId && d.reporterPersonId === actor.personId;

/** The reporter, or whoever entered the demand for them (a grid worker, a deputy). */
export const isLogger = (actor: Actor, d: Pick<Demand, 'reporterPersonId' | 'createdBy'>) => isReporter(actor, d) || d.createdBy === actor.accountId;

export const RATING_WAIT_MS = RATING_WAIT_DAYS * 86_400_000;

/** A resolved demand its reporter left unrated long enough for a worker to close it. */
export const ratingLapsed = (d: Pick<Demand, 'state' | 'rating' | 'resolvedAt'>, now: Date) =>
  d.state === 'resolved' && !d.rating && !!d.resolvedAt && d.resolvedAt.getTime() + RATING_WAIT_MS <= now.getTime();

export const demandActionNames = ['accept', 'reject', 'assign', 'start', 'resolve', 'close', 'rate', 'whistle', 'merge', 'note', 'link', 'photo'] as const;
export type OfferedAction = (typeof demandActionNames)[number];

const stepsOnState = ['accept', 'reject', 'assign', 'start', 'resolve', 'merge'] as const;

/** What this caller may do to the demand now, so the web shows only buttons that work. */
export function actionsFor(actor: Actor, d: Demand, now = new Date()): OfferedAction[] {
  const out: OfferedAction[] = [];
  const handler = canHandle(actor, d);
  if (handler) {
    out.push(...stepsOnState.filter((a) => canTransition(a, d.state as DemandState)));
    if (ratingLapsed(d, now)) out.push('close');
  }
  if (canWhistle(actor, d)) out.push('whistle');
  if (isReporter(actor, d) && grantsFor(actor, 'demand.rate').length > 0 && d.state === 'resolved') out.push('rate');
  if (handler) out.push('note', 'link');
  if (handler || (d.state === 'submitted' && isLogger(actor, d))) out.push('photo');
  return out;
}
