/** Shapes of the demands API, as written in docs/api-demands.md. */

export const DEMAND_STATES = ['submitted', 'accepted', 'rejected', 'assigned', 'in_progress', 'resolved', 'closed', 'merged'] as const;
export type DemandState = (typeof DEMAND_STATES)[number];

export const DEMAND_LEVELS = ['community', 'street', 'district'] as const;
export type DemandLevel = (typeof DEMAND_LEVELS)[number];

export const CHANNELS = ['portal', 'grid_visit', 'deputy_reception', 'phone', 'hotline_12345', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

export const HANDLER_KINDS = ['property_company', 'owners_committee', 'residents_committee', 'police_station', 'line_department'] as const;
export type HandlerKind = (typeof HANDLER_KINDS)[number];

export type DemandRating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export type DemandAction =
  | 'accept' | 'reject' | 'assign' | 'start' | 'resolve' | 'close' | 'rate' | 'whistle' | 'merge' | 'note' | 'link' | 'photo';

export const LINK_TARGETS = ['agenda_item', 'project', 'mediation_case'] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];

export interface Ref {
  id: string;
  name: string;
}

export interface DemandOut {
  id: string;
  no: string;
  title: string;
  description: string;
  state: DemandState;
  level: DemandLevel;
  channel: Channel;
  category: { id: string; code: string; name: string };
  place: { id: string; name: string; kind: string };
  community: Ref;
  grid: Ref | null;
  address: string | null;
  room: string | null;
  lat: number | null;
  lng: number | null;
  contact: { name: string | null; phone: string | null } | null;
  handler: { kind: HandlerKind | null; bodyId: string | null; bodyName: string | null };
  dueAt: string | null;
  overdue: boolean;
  escalatedAt: string | null;
  rejectReason: string | null;
  rating: DemandRating | null;
  ratingComment: string | null;
  reopenCount: number;
  mergedInto: { id: string; no: string } | null;
  externalNo: string | null;
  mine: boolean;
  actions: DemandAction[];
  createdAt: string;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

export interface DemandStep {
  id: number;
  action: string;
  fromState: DemandState | null;
  toState: DemandState | null;
  actorName: string;
  note: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

export interface DemandPhoto {
  id: string;
  stage: 'report' | 'resolve';
  url: string;
}

export interface DemandDetail extends DemandOut {
  steps: DemandStep[];
  photos: DemandPhoto[];
  links: { targetType: LinkTarget; targetId: string; note: string | null; createdAt: string }[];
  duplicates: { id: string; no: string; title: string }[];
}

export interface DemandCategory {
  id: string;
  code: string;
  name: string;
  groupName: string;
  description: string;
  keywords: string;
  defaultHandler: HandlerKind;
  deadlineDays: number;
  remindDays: number;
  retired?: boolean;
  retiredAt?: string | null;
}

export interface HandlerOption {
  id: string;
  name: string;
  kind: string;
  territoryName: string;
}

export interface CalendarDay {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export const IMPORT_FIELDS = [
  'externalNo', 'createdAt', 'categoryCode', 'categoryName', 'territoryCode', 'address', 'description', 'contactName', 'contactPhone',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportPreview {
  headers: string[];
  rows: string[][];
  mapping: Partial<Record<ImportField, string | null>>;
}

export interface ImportResult {
  created: number;
  skipped: number;
  errors: { row: number; column: string; message: string }[];
  reportId?: string;
}

export interface NodeStats {
  id: string;
  name: string;
  kind: string;
  total: number;
  open: number;
  closed: number;
  overdueOpen: number;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  medianCloseHours: number | null;
}

export interface CategoryStats extends Omit<NodeStats, 'kind'> {
  code: string;
}

export interface DemandStats {
  territory: { id: string; name: string; kind: string };
  from: string;
  to: string;
  /** The requested node itself, its whole subtree. */
  total: NodeStats;
  byNode: NodeStats[];
  byCategory: CategoryStats[];
  trend: { week: string; total: number; closed: number; onTime: number }[];
}

export interface HotTopic {
  id: string;
  territory: Ref;
  term: string;
  windowDays: number;
  count: number;
  baseline: number;
  score: number;
  state: string;
  detectedAt: string;
  demandCount: number;
}
