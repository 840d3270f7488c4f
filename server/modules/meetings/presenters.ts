import { z } from 'zod';
import { agendaSources, agendaStates, meetingKinds, type meeting, type meetingParticipant, type minutesEntry } from '../../db/schema/deliberation.ts';
import { decisionOut } from '../agenda/presenters.ts';
import { type Quorum, capacities } from './rules.ts';

const meetingStates = ['draft', 'noticed', 'in_progress', 'closed', 'cancelled'] as const;
const actionNames = ['edit', 'invite', 'schedule', 'reorder', 'notice', 'start', 'signIn', 'minutes', 'decide', 'close', 'cancel', 'checkIn', 'register'] as const;
export type MeetingAction = (typeof actionNames)[number];

export const quorumOut = z.object({
  voting: z.number().describe('voting participants invited'), present: z.number().describe('voting participants signed in'),
  required: z.number().describe("the meeting's quorum, or more than half of the voting participants"), met: z.boolean(),
});

export const meetingOut = z.object({
  id: z.string(), kind: z.enum(meetingKinds), title: z.string(), place: z.string(), startsAt: z.string(),
  state: z.enum(meetingStates),
  territory: z.object({ id: z.string(), name: z.string() }),
  convener: z.object({ id: z.string(), name: z.string() }).nullable(),
  publicNoticeDays: z.number().nullable(),
  noticedAt: z.string().nullable(), startedAt: z.string().nullable(), closedAt: z.string().nullable(),
  itemCount: z.number(), participantCount: z.number(),
  quorumSetting: z.number().nullable().describe('the quorum set for the meeting; null = more than half of the voting participants'),
  quorum: quorumOut,
  mine: z.boolean().describe('the caller sits in it'),
  actions: z.array(z.enum(actionNames)),
});

export const participantOut = z.object({
  id: z.string(), personId: z.string().nullable(), name: z.string(),
  bodyId: z.string().nullable(), bodyName: z.string().nullable(), capacity: z.enum(capacities), voting: z.boolean(),
  signedInAt: z.string().nullable(), signInMethod: z.enum(['qr', 'clerk']).nullable(), registeredAt: z.string().nullable(),
});

export const minutesEntryOut = z.object({
  id: z.string(), meetingItemId: z.string().nullable(), participantId: z.string().nullable(),
  speaker: z.string(), opinion: z.string(), position: z.number(), createdAt: z.string(),
});

export const meetingItemOut = z.object({
  id: z.string(), position: z.number(),
  agendaItem: z.object({ id: z.string(), title: z.string(), description: z.string(), source: z.enum(agendaSources), state: z.enum(agendaStates) }),
  decision: decisionOut.nullable(),
});

export const meetingDetail = meetingOut.extend({
  noticeText: z.string().nullable(), summary: z.string().nullable(),
  participants: z.array(participantOut).describe('empty for a resident reading a hearing notice they do not sit in'),
  items: z.array(meetingItemOut),
  minutes: z.array(minutesEntryOut),
  fourBodies: z.object({ party_org: z.boolean(), residents_committee: z.boolean(), owners_committee: z.boolean(), property_company: z.boolean() }).nullable(),
  me: z.object({ participantId: z.string(), capacity: z.enum(capacities), signedInAt: z.string().nullable() }).nullable(),
});

export const minutesPrint = z.object({
  meeting: meetingOut.extend({ noticeText: z.string().nullable(), summary: z.string().nullable(), clerk: z.string().nullable() }),
  participants: z.array(participantOut),
  quorum: quorumOut,
  items: z.array(meetingItemOut.extend({ minutes: z.array(minutesEntryOut) })),
  otherMinutes: z.array(minutesEntryOut),
  printedAt: z.string(),
});

export type MeetingOut = z.infer<typeof meetingOut>;
type Participant = typeof meetingParticipant.$inferSelect & { bodyName: string | null };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface MeetingRow {
  m: typeof meeting.$inferSelect;
  territoryName: string;
  convenerName: string | null;
  itemCount: number;
  participantCount: number;
}

/** The one place a meeting becomes JSON. */
export function presentMeeting(r: MeetingRow, v: { quorum: Quorum; mine: boolean; actions: MeetingAction[] }): MeetingOut {
  const { m } = r;
  return {
    id: m.id, kind: m.kind, title: m.title, place: m.place, startsAt: m.startsAt.toISOString(), state: m.state,
    territory: { id: m.territoryId, name: r.territoryName },
    convener: m.convenerBodyId ? { id: m.convenerBodyId, name: r.convenerName ?? '' } : null,
    publicNoticeDays: m.publicNoticeDays,
    noticedAt: iso(m.noticedAt), startedAt: iso(m.startedAt), closedAt: iso(m.closedAt),
    itemCount: r.itemCount, participantCount: r.participantCount,
    quorumSetting: m.quorum, quorum: v.quorum, mine: v.mine, actions: v.actions,
  };
}

export const presentParticipant = (p: Participant): z.infer<typeof participantOut> => ({
  id: p.id, personId: p.personId, name: p.name, bodyId: p.bodyId, bodyName: p.bodyName,
  capacity: p.capacity as z.infer<typeof participantOut>['capacity'], voting: p.voting,
  signedInAt: iso(p.signedInAt), signInMethod: p.signInMethod, registeredAt: iso(p.registeredAt),
});

export const presentMinutes = (e: typeof minutesEntry.$inferSelect): z.infer<typeof minutesEntryOut> => ({
  id: e.id, meetingItemId: e.meetingItemId, participantId: e.participantId, speaker: e.speaker, opinion: e.opinion,
  position: e.position, createdAt: e.createdAt.toISOString(),
});
