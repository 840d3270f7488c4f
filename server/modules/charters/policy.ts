import { definePolicy } from '../../core/policy.ts';

/**
 * The community's staff draft, put out for comment, adopt and publish; the street and the district
 * read; residents and party members read what is published or open for comment, and comment.
 */
export const chartersPolicy = definePolicy({
  'charter.read': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  'charter.manage': ['community_worker', 'community_secretary'],
  'charter.comment': ['resident', 'party_member'],
});
