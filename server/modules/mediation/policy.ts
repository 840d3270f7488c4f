import { definePolicy } from '../../core/policy.ts';

/** The community's staff and the grid's worker handle the cases of their place; the street and the district read them. */
export const mediationPolicy = definePolicy({
  'mediation.read': ['grid_worker', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  'mediation.handle': ['grid_worker', 'community_worker', 'community_secretary'],
});
