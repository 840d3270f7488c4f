import { definePolicy } from '../../core/policy.ts';

/**
 * Community staff run their community's co-governance matters, the street its street's (it hosts
 * the regional joint conference that consults); the district watches.
 */
export const cogovPolicy = definePolicy({
  'cogov.read': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  /** Open a matter, record its stages, drop it. */
  'cogov.manage': ['community_worker', 'community_secretary', 'street_admin'],
});
