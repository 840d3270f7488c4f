import { definePolicy } from '../../core/policy.ts';

/**
 * Community and street staff set up estates and matters and watch the count; owners vote with
 * their own accounts (a resident or a party member whose person is on the register).
 */
export const votingPolicy = definePolicy({
  'voting.read': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  'voting.manage': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  'voting.vote': ['resident', 'party_member'],
});
