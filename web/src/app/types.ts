/** Shapes of the server's JSON, as written in docs/api-contract.md. */

export type Role =
  | 'resident' | 'party_member' | 'grid_worker' | 'community_worker' | 'community_secretary'
  | 'street_admin' | 'district_admin' | 'unit_liaison' | 'deputy' | 'sysadmin' | 'secadmin' | 'auditor';

export const ROLES: Role[] = [
  'resident', 'party_member', 'grid_worker', 'community_worker', 'community_secretary',
  'street_admin', 'district_admin', 'unit_liaison', 'deputy', 'sysadmin', 'secadmin', 'auditor',
];

export type TerritoryKind =
  | 'district' | 'subdistrict' | 'town' | 'zone' | 'neighborhood' | 'village' | 'area' | 'grid' | 'building';

export const TERRITORY_KINDS: TerritoryKind[] = [
  'district', 'subdistrict', 'town', 'zone', 'neighborhood', 'village', 'area', 'grid', 'building',
];

// The same lists as server/db/schema/bodies.ts, in the same order (server/modules/bodies/shared-lists.test.ts).
export const BODY_KINDS = [
  'party_committee', 'party_working_committee', 'party_general_branch', 'party_branch', 'party_group',
  'residents_committee', 'villagers_committee', 'owners_committee', 'property_company',
  'police_station', 'social_organization', 'resident_unit', 'line_department',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const POSITIONS = [
  'secretary', 'deputy_secretary', 'director', 'deputy_director', 'committee_member', 'member',
  'liaison', 'manager', 'mediator',
] as const;

export type Permission =
  | 'territory.read' | 'territory.write' | 'territory.import' | 'body.read' | 'body.write'
  | 'person.read' | 'person.write' | 'person.reveal' | 'person.import' | 'person.export'
  | 'account.manage' | 'audit.read' | 'system.read' | 'stats.read'
  // party members in the community (docs/api-members.md)
  | 'service.read' | 'service.write' | 'activity.read' | 'activity.manage' | 'activity.join' | 'activity.stats'
  | 'wish.read' | 'wish.post' | 'wish.review' | 'wish.claim' | 'wish.confirm'
  | 'registration.submit' | 'registration.read' | 'registration.review' | 'registration.workplace' | 'registration.stats'
  | 'unit-registration.read' | 'unit-registration.submit' | 'unit-registration.review'
  | 'points.read' | 'points.mine' | 'points.ledger' | 'points.correct' | 'points.commend' | 'points.rules.write'
  // residents' demands (docs/api-demands.md)
  | 'demand.read' | 'demand.report' | 'demand.handle' | 'demand.escalate' | 'demand.rate' | 'demand.import'
  | 'demand.stats' | 'demand.configure' | 'open311.keys'
  // owners' voting (docs/api-voting.md)
  | 'voting.read' | 'voting.manage' | 'voting.vote'
  // conventions and rules, mediation (docs/api-charters-mediation.md)
  | 'charter.read' | 'charter.manage' | 'charter.comment' | 'mediation.read' | 'mediation.handle';

export interface Grant {
  id: string;
  role: Role;
  territoryId: string;
  territoryName: string;
  territoryKind: TerritoryKind;
  territoryCode: string | null;
}

export interface Session {
  account: {
    id: string;
    username: string;
    displayName: string;
    mustChangePassword: boolean;
    totpEnabled: boolean;
    totpRequired: boolean;
    /** Not in the contract yet; used by the portal when the server sends it. */
    personId?: string | null;
  };
  grants: Grant[];
  permissions: Permission[];
  home: string;
  csrfToken: string;
}

export interface TerritoryNode {
  id: string;
  parentId: string | null;
  code: string | null;
  name: string;
  kind: TerritoryKind;
  retired: boolean;
  hasChildren: boolean;
}

export interface TerritoryDetail extends TerritoryNode {
  ancestors: TerritoryNode[];
  counts: { children: number; bodies: number; people: number; households: number };
}

export interface Items<T> {
  items: T[];
}

export interface BodyRow {
  id: string;
  name: string;
  kind: BodyKind;
  territoryId: string;
  territoryName: string;
  memberCount: number;
}

export interface BodyMember {
  id: string;
  personId: string;
  name: string;
  position: string;
  since: string;
}

export interface BodyDetail extends Omit<BodyRow, 'memberCount'> {
  members: BodyMember[];
}

export interface PersonRow {
  id: string;
  name: string;
  gender: string;
  birthDate: string | null;
  phone: string | null;
  idNumber: string | null;
  territoryId: string;
  territoryName: string;
  room: string | null;
  isPartyMember: boolean;
}

export interface PersonDetail extends PersonRow {
  household: { id: string; room: string; address: string | null; members: { id: string; name: string; relation: string }[] } | null;
  memberships: { bodyId: string; bodyName: string; position: string }[];
  partyOrg: { id: string; name: string } | null;
  joinedPartyOn: string | null;
  canReveal: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Household {
  id: string;
  room: string;
  members: { id: string; name: string; phone?: string | null; maskedPhone?: string | null }[];
}

export interface OverviewRow {
  node: TerritoryNode;
  subdistricts: number;
  communities: number;
  grids: number;
  buildings: number;
  households: number;
  people: number;
  partyMembers: number;
  bodies: number;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  lockedUntil: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  totpRequired: boolean;
  grants: Grant[];
}

export interface AuditRecord {
  id: string;
  at: string;
  actor: string;
  role: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  territoryName: string | null;
  before: unknown;
  after: unknown;
}

export interface SystemInfo {
  version: string;
  database: 'pglite' | 'postgres';
  demo: boolean;
  migrations: number;
  keySource: 'env' | 'file';
  counts: { territories: number; people: number; accounts: number };
}
