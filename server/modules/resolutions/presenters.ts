import { z } from 'zod';
import { maskName } from '../../core/pii.ts';
import { type MeetingKind, meetingKinds, type meetingItem, type resolution, type resolutionObjection, type resolutionProgress } from '../../db/schema/deliberation.ts';
import { dayOf } from '../demands/calendar.ts';
import { RESOLUTION_STATES, actionsFor, isOverdue, publicationOpen } from './rules.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const meetingRef = z.object({ id: z.string(), title: z.string(), kind: z.enum(meetingKinds), startsAt: z.string() });

export const resolutionOut = z.object({
  id: z.string(), title: z.string(), state: z.enum(RESOLUTION_STATES),
  community: z.object({ id: z.string(), name: z.string() }).describe('the node the resolution belongs to'),
  meeting: meetingRef.nullable(),
  meetingItemId: z.string().nullable().describe('the decided meeting item it was drafted from; null for a standalone resolution'),
  responsibleBody: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean().describe('dueOn is before today (Asia/Shanghai) and the resolution is published or in progress'),
  publicDays: z.number().int(), publishedAt: z.string().nullable(), publicUntil: z.string().nullable(),
  publicationOpen: z.boolean().describe('objections may be lodged now'),
  doneAt: z.string().nullable(), carriedOverAt: z.string().nullable(),
  objectionCount: z.number().int(), unansweredObjections: z.number().int().describe('staff only; 0 for residents'),
  actions: z.array(z.enum(['edit', 'publish', 'withdraw', 'object', 'answer', 'progress', 'done'])),
  createdAt: z.string(), updatedAt: z.string(),
});

export const resolutionDetailOut = resolutionOut.extend({
  text: z.string(),
  decision: z.object({
    meetingItemId: z.string(), agendaItemId: z.string(), method: z.enum(['show_of_hands', 'secret_ballot']).nullable(),
    votesFor: z.number().int().nullable(), votesAgainst: z.number().int().nullable(), votesAbstain: z.number().int().nullable(),
    outcome: z.enum(['adopted', 'rejected', 'deferred']).nullable(), decidedAt: z.string().nullable(),
  }).nullable(),
  meeting: meetingRef.extend({ place: z.string(), participants: z.number().int(), present: z.number().int() }).nullable(),
  objections: z.array(z.object({
    id: z.string(), text: z.string(), by: z.string().nullable().describe('masked name, staff only'), mine: z.boolean(), createdAt: z.string(),
    answer: z.string().nullable(), answeredBy: z.string().nullable(), answeredAt: z.string().nullable(),
  })),
  progress: z.array(z.object({ id: z.string(), note: z.string(), actorName: z.string(), at: z.string(), photoUrl: z.string().nullable(), final: z.boolean() })),
  carriedOver: z.array(z.object({ agendaItemId: z.string(), meetingId: z.string().nullable(), createdAt: z.string() })),
  createdBy: z.string().nullable(),
});

export type ResolutionOut = z.infer<typeof resolutionOut>;
export type ResolutionDetailOut = z.infer<typeof resolutionDetailOut>;

export interface ResolutionRow {
  r: typeof resolution.$inferSelect;
  communityName: string;
  meeting: { id: string; title: string; kind: MeetingKind; startsAt: Date; place: string } | null;
  body: { id: string; name: string; kind: string } | null;
  objections: number;
  unanswered: number;
}

/** The one place a resolution becomes JSON. */
export function presentResolution(row: ResolutionRow, may: { staff: boolean; manage: boolean; object: boolean }, now: Date): ResolutionOut {
  const { r } = row;
  return {
    id: r.id, title: r.title, state: r.state,
    community: { id: r.territoryId, name: row.communityName },
    meeting: row.meeting ? { id: row.meeting.id, title: row.meeting.title, kind: row.meeting.kind, startsAt: row.meeting.startsAt.toISOString() } : null,
    meetingItemId: r.meetingItemId,
    responsibleBody: row.body,
    dueOn: r.dueOn, overdue: isOverdue(r, dayOf(now)),
    publicDays: r.publicDays, publishedAt: iso(r.publishedAt), publicUntil: iso(r.publicUntil),
    publicationOpen: publicationOpen(r, now),
    doneAt: iso(r.doneAt), carriedOverAt: iso(r.carriedOverAt),
    objectionCount: row.objections, unansweredObjections: may.staff ? row.unanswered : 0,
    actions: actionsFor(r, may, now),
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export interface DetailParts {
  row: ResolutionRow;
  decision: typeof meetingItem.$inferSelect | null;
  attendance: { participants: number; present: number } | null;
  objections: { o: typeof resolutionObjection.$inferSelect; byName: string | null; answeredByName: string | null }[];
  progress: (typeof resolutionProgress.$inferSelect)[];
  carried: { id: string; meetingId: string | null; createdAt: Date }[];
  createdBy: string | null;
  me: string;
  /** The caller sees the whole territory's resolutions (and so who objected, masked). */
  staff: boolean;
}

/** Staff read who objected (masked); residents read what was objected and answered, not by whom. */
export function presentDetail(base: ResolutionOut, p: DetailParts): ResolutionDetailOut {
  const staff = p.staff;
  const d = p.decision;
  const m = p.row.meeting;
  const finalId = p.row.r.state === 'done' ? p.progress.at(-1)?.id : undefined;
  return {
    ...base,
    text: p.row.r.text,
    decision: d ? {
      meetingItemId: d.id, agendaItemId: d.agendaItemId, method: d.method, votesFor: d.votesFor, votesAgainst: d.votesAgainst,
      votesAbstain: d.votesAbstain, outcome: d.outcome, decidedAt: iso(d.decidedAt),
    } : null,
    meeting: m ? { id: m.id, title: m.title, kind: m.kind, startsAt: m.startsAt.toISOString(), place: m.place, participants: p.attendance?.participants ?? 0, present: p.attendance?.present ?? 0 } : null,
    objections: p.objections.map(({ o, byName, answeredByName }) => ({
      id: o.id, text: o.text, by: staff && byName ? maskName(byName) : null, mine: o.accountId === p.me, createdAt: o.createdAt.toISOString(),
      answer: o.answer, answeredBy: answeredByName, answeredAt: iso(o.answeredAt),
    })),
    progress: p.progress.map((g) => ({
      id: g.id, note: g.note, actorName: g.actorName, at: g.at.toISOString(),
      photoUrl: g.photoPath ? `/api/resolutions/${g.resolutionId}/progress/${g.id}/photo` : null, final: g.id === finalId,
    })),
    carriedOver: p.carried.map((c) => ({ agendaItemId: c.id, meetingId: c.meetingId, createdAt: c.createdAt.toISOString() })),
    createdBy: p.createdBy,
  };
}
