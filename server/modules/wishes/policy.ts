import { definePolicy } from '../../core/policy.ts';

/**
 * Residents (or a worker for them) post wishes, the community reviews them, members claim and
 * fulfil them, the resident or a worker confirms. Streets and the district only watch.
 */
export const wishesPolicy = definePolicy({
  'wish.read': ['resident', 'party_member', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  'wish.post': ['resident', 'community_worker', 'community_secretary'],
  'wish.review': ['community_worker', 'community_secretary'],
  'wish.claim': ['party_member'],
  'wish.confirm': ['resident', 'community_worker', 'community_secretary'],
});

/** Roles that see every wish of their territory, names in full. */
export const WISH_STAFF = ['community_worker', 'community_secretary', 'street_admin', 'district_admin'] as const;
