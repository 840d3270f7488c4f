import { definePolicy } from '../../core/policy.ts';

/**
 * The community's party organisation (its secretary and workers) drafts, publishes and tracks
 * resolutions; the street does the same for its joint conferences; the district watches.
 * Residents and party members read what was published in their community and may object.
 */
export const resolutionsPolicy = definePolicy({
  'resolution.read': ['resident', 'party_member', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  /** Draft, edit, publish, withdraw, answer objections, record progress and completion. */
  'resolution.manage': ['community_worker', 'community_secretary', 'street_admin'],
  /** Lodge an objection while the publication (公示) runs. */
  'resolution.object': ['resident', 'party_member'],
});

/** Roles that see every resolution of their territory, drafts included. */
export const RESOLUTION_STAFF = ['community_worker', 'community_secretary', 'street_admin', 'district_admin'] as const;
/** Roles that read the published resolutions of their own community. */
export const RESOLUTION_PUBLIC = ['resident', 'party_member'] as const;
