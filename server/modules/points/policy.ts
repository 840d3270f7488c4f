import { definePolicy } from '../../core/policy.ts';

/**
 * Members read rankings and their own points; community staff read the ledger; corrections,
 * commendations and rules belong to the levels that answer for fairness across communities.
 */
export const pointsPolicy = definePolicy({
  'points.read': ['party_member', 'community_worker', 'community_secretary', 'street_admin', 'district_admin', 'unit_liaison'],
  'points.mine': ['party_member'],
  'points.ledger': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  'points.correct': ['street_admin', 'district_admin'],
  'points.commend': ['street_admin', 'district_admin'],
  'points.rules.write': ['district_admin'],
});
