import { definePolicy } from '../../core/policy.ts';

/**
 * The community's party organisation (its secretary and workers) convenes meetings and keeps
 * their record; the street and the district do the same over their territory. Residents and
 * party members read what they sit in and the hearings of their community, sign themselves in
 * with the venue code and register to speak at hearings.
 */
export const meetingsPolicy = definePolicy({
  'meeting.read': ['resident', 'party_member', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  /** Everything a convener and a clerk do: create, invite, schedule, notice, start, sign in, minutes, decide, close. */
  'meeting.manage': ['community_worker', 'community_secretary', 'street_admin', 'district_admin'],
  /** Sign oneself in with the venue code; register to speak at a hearing. */
  'meeting.attend': ['resident', 'party_member'],
});

export const MEETING_STAFF = ['community_worker', 'community_secretary', 'street_admin', 'district_admin'] as const;
