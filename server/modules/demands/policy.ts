import { definePolicy } from '../../core/policy.ts';

/**
 * Residents report and rate their own demands; grid workers log them on visits and close simple
 * ones in their grid; deputies log them from reception days; the community triages and handles;
 * the street and the district take escalations (吹哨报到) and assign line departments.
 */
export const demandsPolicy = definePolicy({
  /** See demands: staff their territory, grid workers their grid, deputies the ones they logged, residents their own. */
  'demand.read': ['resident', 'party_member', 'grid_worker', 'deputy', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  /** Report one: a resident for themself, the others for a resident. */
  'demand.report': ['resident', 'party_member', 'grid_worker', 'deputy', 'community_worker', 'community_secretary'],
  /** Accept, reject, assign, work, resolve, merge, link, add notes. */
  'demand.handle': ['grid_worker', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  /** Blow the whistle: ask the street (or the district) to take a demand. */
  'demand.escalate': ['community_worker', 'community_secretary', 'street_admin'],
  /** Rate the handling of one's own demand (an unsatisfied rating reopens it once). */
  'demand.rate': ['resident', 'party_member'],
  /** Import 12345 hotline work orders. */
  'demand.import': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  /** Volume, on-time and satisfaction rates, hot-topic warnings. */
  'demand.stats': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  /** Categories, deadlines and the working calendar of the district. */
  'demand.configure': ['district_admin'],
  /** Issue and revoke Open311 API keys. */
  'open311.keys': ['sysadmin'],
});

/** Roles that see every demand of their granted territory with the reporter's masked contact. */
export const DEMAND_STAFF = ['grid_worker', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'] as const;
