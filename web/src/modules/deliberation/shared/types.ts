/** Shapes of the deliberation API, as written in docs/api-meetings.md and docs/api-resolutions.md. */
import type { Permission } from '../../../app/types';

/** The module's permissions, named as the server declares them. */
export const DELIB = {
  agendaRead: 'agenda.read' as Permission,
  agendaPropose: 'agenda.propose' as Permission,
  agendaReview: 'agenda.review' as Permission,
  meetingRead: 'meeting.read' as Permission,
  meetingManage: 'meeting.manage' as Permission,
  meetingAttend: 'meeting.attend' as Permission,
  resolutionRead: 'resolution.read' as Permission,
  resolutionManage: 'resolution.manage' as Permission,
  resolutionObject: 'resolution.object' as Permission,
  cogovRead: 'cogov.read' as Permission,
  cogovManage: 'cogov.manage' as Permission,
};

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type AgendaState = 'proposed' | 'accepted' | 'returned' | 'merged' | 'scheduled' | 'decided' | 'withdrawn';
export type AgendaSource = 'resident' | 'committee' | 'party_org' | 'demand' | 'carried_over';
export type AgendaAction = 'accept' | 'merge' | 'return' | 'withdraw' | 'schedule';

export interface AgendaItemOut {
  id: string;
  title: string;
  description: string;
  state: AgendaState;
  source: AgendaSource;
  community: { id: string; name: string };
  proposer: { name: string | null; bodyId: string | null; bodyName: string | null };
  demand: { id: string; no: string; title: string } | null;
  resolutionId: string | null;
  reason: string | null;
  mergedInto: { id: string; title: string } | null;
  meeting: { id: string; title: string; startsAt: string; state: MeetingState } | null;
  mine: boolean;
  actions: AgendaAction[];
  reviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgendaItemDetail extends AgendaItemOut {
  merged: { id: string; title: string }[];
  decision: Decision | null;
}

export const MEETING_KINDS = [
  'joint_four_in_one', 'deliberation', 'hearing', 'review', 'regional_joint_conference', 'representative_assembly', 'owners_assembly',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type MeetingState = 'draft' | 'noticed' | 'in_progress' | 'closed' | 'cancelled';
export const CAPACITIES = [
  'party_org', 'residents_committee', 'owners_committee', 'property_company', 'resident_rep', 'unit', 'deputy', 'speaker', 'observer',
] as const;
export type Capacity = (typeof CAPACITIES)[number];
export const FOUR_BODIES = ['party_org', 'residents_committee', 'owners_committee', 'property_company'] as const;
export type MeetingAction =
  | 'edit' | 'invite' | 'schedule' | 'reorder' | 'notice' | 'start' | 'signIn' | 'minutes' | 'decide' | 'close' | 'cancel' | 'checkIn' | 'register';

export interface Quorum {
  voting: number;
  present: number;
  required: number;
  met: boolean;
}

export interface MeetingOut {
  id: string;
  kind: MeetingKind;
  title: string;
  place: string;
  startsAt: string;
  state: MeetingState;
  territory: { id: string; name: string };
  convener: { id: string; name: string } | null;
  publicNoticeDays: number | null;
  noticedAt: string | null;
  startedAt: string | null;
  closedAt: string | null;
  itemCount: number;
  participantCount: number;
  /** The quorum set for the meeting; null = more than half of the voting participants. */
  quorumSetting: number | null;
  quorum: Quorum;
  mine: boolean;
  actions: MeetingAction[];
}

export interface Participant {
  id: string;
  personId: string | null;
  name: string;
  bodyId: string | null;
  bodyName: string | null;
  capacity: Capacity;
  voting: boolean;
  signedInAt: string | null;
  signInMethod: 'qr' | 'clerk' | null;
  registeredAt: string | null;
}

export type Choice = 'for' | 'against' | 'abstain';

export interface Decision {
  method: 'show_of_hands' | 'secret_ballot';
  for: number;
  against: number;
  abstain: number;
  present: number;
  outcome: 'adopted' | 'rejected';
  votes: { participantId: string; name: string; choice: Choice }[];
  decidedAt: string;
}

export interface MeetingItem {
  id: string;
  position: number;
  agendaItem: { id: string; title: string; description: string; source: AgendaSource; state: AgendaState };
  decision: Decision | null;
}

export interface MinutesEntry {
  id: string;
  meetingItemId: string | null;
  participantId: string | null;
  speaker: string;
  opinion: string;
  position: number;
  createdAt: string;
}

export interface MeetingDetail extends MeetingOut {
  noticeText: string | null;
  summary: string | null;
  participants: Participant[];
  items: MeetingItem[];
  minutes: MinutesEntry[];
  fourBodies: Record<(typeof FOUR_BODIES)[number], boolean> | null;
  me: { participantId: string; capacity: Capacity; signedInAt: string | null } | null;
}

export interface SuggestedParticipant {
  personId: string;
  name: string;
  bodyId: string;
  bodyName: string;
  bodyKind: string;
  position: string | null;
  capacity: Capacity;
}

export interface MinutesPrint {
  meeting: MeetingOut & { noticeText: string | null; summary: string | null; clerk: string | null };
  participants: Participant[];
  quorum: Quorum;
  items: (MeetingItem & { minutes: MinutesEntry[] })[];
  otherMinutes: MinutesEntry[];
  printedAt: string;
}

export type ResolutionState = 'draft' | 'published' | 'in_progress' | 'done' | 'withdrawn';
export type ResolutionAction = 'edit' | 'publish' | 'withdraw' | 'object' | 'answer' | 'progress' | 'done';

export interface ResolutionOut {
  id: string;
  title: string;
  state: ResolutionState;
  community: { id: string; name: string };
  meeting: { id: string; title: string; kind: MeetingKind; startsAt: string } | null;
  /** The decided meeting item it was drafted from. */
  meetingItemId: string | null;
  responsibleBody: { id: string; name: string; kind: string } | null;
  dueOn: string | null;
  overdue: boolean;
  publicDays: number;
  publishedAt: string | null;
  publicUntil: string | null;
  publicationOpen: boolean;
  doneAt: string | null;
  carriedOverAt: string | null;
  objectionCount: number;
  unansweredObjections: number;
  actions: ResolutionAction[];
  createdAt: string;
  updatedAt: string;
}

export interface Objection {
  id: string;
  text: string;
  by: string | null;
  mine: boolean;
  createdAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface ResolutionDetail extends Omit<ResolutionOut, 'meeting'> {
  text: string;
  decision: {
    meetingItemId: string; agendaItemId: string; method: 'show_of_hands' | 'secret_ballot' | null;
    votesFor: number | null; votesAgainst: number | null; votesAbstain: number | null; outcome: 'adopted'; decidedAt: string | null;
  } | null;
  meeting: { id: string; title: string; kind: MeetingKind; startsAt: string; place: string; participants: number; present: number } | null;
  objections: Objection[];
  progress: { id: string; note: string; actorName: string; at: string; photoUrl: string | null; final: boolean }[];
  carriedOver: { agendaItemId: string; meetingId: string | null; createdAt: string }[];
  createdBy: string | null;
}

export type CogovStage = 'propose' | 'consult' | 'review';
export interface CogovMatterOut {
  id: string;
  title: string;
  description: string;
  state: 'proposed' | 'consulted' | 'reviewed' | 'dropped';
  community: { id: string; name: string };
  stages: {
    stage: CogovStage; done: boolean;
    body: { id: string; name: string; kind: string } | null;
    meeting: { id: string; title: string; kind: MeetingKind; startsAt: string } | null;
    outcome: string | null; decidedOn: string | null; recordedBy: string | null; recordedAt: string | null;
  }[];
  next: CogovStage | null;
  actions: ('record' | 'drop')[];
  createdAt: string;
}
