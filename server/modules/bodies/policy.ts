import { definePolicy } from '../../core/policy.ts';

/** Residents see the organisations of their own community; staff keep the rosters of theirs. */
export const bodiesPolicy = definePolicy({
  'body.read': [
    'resident', 'party_member', 'grid_worker', 'community_worker', 'community_secretary', 'street_admin',
    'district_admin', 'unit_liaison', 'deputy',
  ],
  'body.write': ['community_secretary', 'community_worker', 'street_admin', 'district_admin'],
});
