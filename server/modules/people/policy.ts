import { definePolicy } from '../../core/policy.ts';

/** People's records are for those who serve them; seeing numbers in full is a narrower right. */
export const peoplePolicy = definePolicy({
  'person.read': ['grid_worker', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  'person.write': ['grid_worker', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  'person.reveal': ['community_secretary', 'street_admin', 'district_admin'],
  'person.import': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  'person.export': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
});
