import { definePolicy } from '../../core/policy.ts';

/**
 * A member registers themself; the community's party organisation decides; the workplace
 * organisation sees what its members do; streets and the district watch the figures.
 */
export const registrationsPolicy = definePolicy({
  'registration.submit': ['party_member'],
  'registration.read': ['community_secretary', 'community_worker', 'street_admin', 'district_admin'],
  'registration.review': ['community_secretary', 'community_worker'],
  'registration.workplace': ['unit_liaison', 'community_secretary', 'community_worker', 'street_admin', 'district_admin'],
  'registration.stats': ['community_secretary', 'community_worker', 'street_admin', 'district_admin'],
  'unit-registration.read': ['unit_liaison', 'community_secretary', 'community_worker', 'street_admin', 'district_admin'],
  'unit-registration.submit': ['unit_liaison'],
  'unit-registration.review': ['community_secretary', 'community_worker', 'street_admin'],
});
