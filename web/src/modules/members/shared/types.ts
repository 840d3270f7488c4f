/** Shapes of the party-members API, as written in docs/api-members.md. */

export const SERVICE_CATEGORIES = ['政策宣传', '环境整治', '助老助残', '文明创建', '法律服务', '邻里互助', '其他'] as const;

export interface Service {
  id: string;
  territoryId: string;
  territoryName: string;
  category: string;
  title: string;
  description: string | null;
  place: string | null;
  retired: boolean;
  createdAt: string;
}

export type ActivityKind = 'service' | 'volunteer' | 'theme_party_day';
export const ACTIVITY_KINDS: ActivityKind[] = ['volunteer', 'theme_party_day', 'service'];
export type SignupState = 'signed_up' | 'cancelled' | 'checked_in' | 'checked_out';

export interface Signup {
  id: string;
  activityId: string;
  personId: string;
  state: SignupState;
  signedUpAt: string;
  cancelledAt: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  hours: number | null;
  points: number | null;
}

export interface Activity {
  id: string;
  territoryId: string;
  territoryName: string;
  serviceId: string | null;
  serviceTitle: string | null;
  category: string | null;
  kind: ActivityKind;
  title: string;
  description: string | null;
  place: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  signedUp: number;
  cancelDeadline: string;
  state: 'published' | 'cancelled' | 'finished';
  pointsRule: 'service_hour' | 'activity';
  near?: 'community' | 'street' | null;
  mySignup: Signup | null;
}

export interface StaffSignup extends Signup {
  name: string;
}

export interface VenueCode {
  code: string;
  url: string;
  expiresAt: string;
}

export interface ActiveMember {
  personId: string;
  name: string;
  communityId: string;
  communityName: string;
  checkIns: number;
  hours: number;
}

export type WishState = 'pending_review' | 'open' | 'rejected' | 'claimed' | 'fulfilled' | 'confirmed';

export interface Wish {
  id: string;
  territoryId: string;
  territoryName: string;
  title: string;
  description: string | null;
  state: WishState;
  reason: string | null;
  resident: { id: string; name: string };
  claimedBy: { id: string; name: string } | null;
  claimedAt: string | null;
  claimExpiresAt: string | null;
  fulfilledAt: string | null;
  hasPhoto: boolean;
  photoUrl: string | null;
  confirmedAt: string | null;
  createdAt: string;
  mine: 'resident' | 'claimer' | null;
}

export type RegistrationState = 'pending' | 'confirmed' | 'returned' | 'withdrawn';

export interface Registration {
  id: string;
  personId: string;
  personName: string;
  community: { id: string; name: string };
  workplaceOrg: { id: string; name: string } | null;
  workplaceOrgName: string | null;
  state: RegistrationState;
  reason: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

export interface MyRegistrations {
  current: Registration | null;
  history: Registration[];
  communities: { id: string; name: string }[];
}

export interface StaffRegistration extends Registration {
  phone: string | null;
  pointsYear: number;
}

export interface WorkplaceOrg {
  id: string;
  name: string;
  kind: string;
  territoryName: string;
}

export interface RateRow {
  node: { id: string; name: string; kind: string };
  partyMembers: number;
  registered: number;
  activeMonth: number;
  activeQuarter: number;
  registeredRate: number;
  activeMonthRate: number;
  activeQuarterRate: number;
}

export interface Rates {
  node: { id: string; name: string; kind: string };
  month: string;
  quarter: string;
  rows: RateRow[];
}

export interface LedgerEntry {
  id: string;
  at: string;
  ruleCode: string;
  points: number;
  sourceType: string;
  sourceId: string;
  note: string | null;
  reversesId: string | null;
  reversedBy?: string | number | null;
}

export interface WorkplaceRecords {
  body: { id: string; name: string };
  year: number;
  members: {
    personId: string;
    name: string;
    community: { id: string; name: string };
    registration: { id: string; state: RegistrationState; submittedAt: string; decidedAt: string | null };
    points: number;
    entries: LedgerEntry[];
    activities: { activityId: string; title: string; kind: ActivityKind; startsAt: string; state: SignupState; checkedInAt: string | null; checkedOutAt: string | null }[];
  }[];
}

export type Level = 'star1' | 'star2' | 'star3';

export interface RankRow {
  rank: number;
  personId: string;
  name: string;
  community: { id: string; name: string };
  points: number;
}

export interface Rankings {
  node: { id: string; name: string; kind: string };
  period: string;
  items: RankRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MyRank {
  id: string;
  name: string;
  rank: number | null;
  total: number;
}

export interface MyPoints {
  period: string;
  points: number;
  validPoints: number;
  level: Level | null;
  balances: { all: number; year: number; quarter: number; month: number };
  ranks: { community: MyRank | null; street: MyRank | null; district: MyRank | null };
}

export interface Commendation {
  id: string;
  personId: string;
  name: string;
  community: { id: string; name: string };
  level: Level;
  period: string;
  points: number;
  awardedAt: string;
}

export interface PointsRule {
  id: string;
  code: 'service_hour' | 'activity' | 'wish' | 'registration';
  points: number;
  monthlyCap: number | null;
  expiry: 'none' | 'annual';
  validFrom: string;
  validTo: string | null;
}
