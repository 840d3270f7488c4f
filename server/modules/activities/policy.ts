import { definePolicy } from '../../core/policy.ts';

/**
 * Community staff publish the catalogue and activities and run check-in; members browse and join
 * what lies in their street; streets and the district watch who takes part.
 */
export const activitiesPolicy = definePolicy({
  'service.read': ['party_member', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  'service.write': ['community_worker', 'community_secretary'],
  'activity.read': ['party_member', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  'activity.manage': ['community_worker', 'community_secretary'],
  'activity.join': ['party_member'],
  'activity.stats': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
});
