import { definePolicy } from '../../core/policy.ts';

/**
 * The tree is reference data every role navigates (a secadmin picks nodes to grant, an auditor
 * filters by node); shaping it belongs to the district, its streets, and the sysadmin's import.
 */
export const territoryPolicy = definePolicy({
  'territory.read': [
    'resident', 'party_member', 'grid_worker', 'community_worker', 'community_secretary', 'street_admin',
    'district_admin', 'unit_liaison', 'deputy', 'sysadmin', 'secadmin', 'auditor',
  ],
  'territory.write': ['street_admin', 'district_admin', 'sysadmin'],
  'territory.import': ['district_admin', 'sysadmin'],
  'stats.read': ['community_secretary', 'community_worker', 'street_admin', 'district_admin'],
});
