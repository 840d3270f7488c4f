import { definePolicy } from '../../core/policy.ts';

/**
 * Residents and party members propose items in their own community; the community's party
 * organisation (its secretary and workers) reviews every item before it can reach a meeting;
 * the street and the district may do the same over their territory.
 */
export const agendaPolicy = definePolicy({
  /** Staff: their territory; residents: their own items and the accepted ones of their community. */
  'agenda.read': ['resident', 'party_member', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  /** Propose an item (a resident for themself, staff for a body or from a demand); withdraw one's own. */
  'agenda.propose': ['resident', 'party_member', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  /** Accept, merge or return a proposed item. */
  'agenda.review': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
});

/** Roles that see every agenda item of their granted territory, proposers' names in full. */
export const AGENDA_STAFF = ['community_worker', 'community_secretary', 'street_admin', 'district_admin'] as const;
/** Roles that take part as people of their community. */
export const AGENDA_PEOPLE = ['resident', 'party_member'] as const;
