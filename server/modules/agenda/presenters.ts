import { z } from 'zod';
import { maskName } from '../../core/pii.ts';
import { agendaSources, agendaStates, type agendaItem } from '../../db/schema/deliberation.ts';

const meetingStates = ['draft', 'noticed', 'in_progress', 'closed', 'cancelled'] as const;
const ref = z.object({ id: z.string(), title: z.string() });

export const decisionOut = z.object({
  method: z.enum(['show_of_hands', 'secret_ballot']),
  for: z.number(), against: z.number(), abstain: z.number(),
  present: z.number().describe('present voting participants when decided'),
  outcome: z.enum(['adopted', 'rejected']),
  votes: z.array(z.object({ participantId: z.string(), name: z.string(), choice: z.enum(['for', 'against', 'abstain']) })).describe('show of hands only'),
  decidedAt: z.string(),
});
export type DecisionOut = z.infer<typeof decisionOut>;

export const agendaItemOut = z.object({
  id: z.string(), title: z.string(), description: z.string(),
  state: z.enum(agendaStates), source: z.enum(agendaSources),
  community: z.object({ id: z.string(), name: z.string() }),
  proposer: z.object({ name: z.string().nullable(), bodyId: z.string().nullable(), bodyName: z.string().nullable() })
    .describe("a resident's name is masked for others than staff and the proposer"),
  demand: z.object({ id: z.string(), no: z.string(), title: z.string() }).nullable(),
  resolutionId: z.string().nullable(),
  reason: z.string().nullable().describe('the return reason, read by the proposer'),
  mergedInto: ref.nullable(),
  meeting: z.object({ id: z.string(), title: z.string(), startsAt: z.string(), state: z.enum(meetingStates) }).nullable(),
  mine: z.boolean(),
  actions: z.array(z.enum(['accept', 'merge', 'return', 'withdraw', 'schedule'])),
  reviewedAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});
export const agendaItemDetail = agendaItemOut.extend({ merged: z.array(ref), decision: decisionOut.nullable() });
export type AgendaItemOut = z.infer<typeof agendaItemOut>;

export interface AgendaRow {
  a: typeof agendaItem.$inferSelect;
  communityName: string;
  personName: string | null;
  bodyName: string | null;
  demandNo: string | null;
  demandTitle: string | null;
  mergedTitle: string | null;
  meetingTitle: string | null;
  meetingStartsAt: Date | null;
  meetingState: (typeof meetingStates)[number] | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The one place an agenda item becomes JSON: a resident proposer's name is masked here. */
export function presentAgendaItem(r: AgendaRow, v: { fullNames: boolean; mine: boolean; actions: AgendaItemOut['actions'] }): AgendaItemOut {
  const { a } = r;
  return {
    id: a.id, title: a.title, description: a.description, state: a.state, source: a.source,
    community: { id: a.territoryId, name: r.communityName },
    proposer: { name: r.personName ? (v.fullNames ? r.personName : maskName(r.personName)) : null, bodyId: a.proposerBodyId, bodyName: r.bodyName },
    demand: a.demandId && r.demandNo ? { id: a.demandId, no: r.demandNo, title: r.demandTitle ?? '' } : null,
    resolutionId: a.resolutionId,
    reason: a.reason,
    mergedInto: a.mergedIntoId ? { id: a.mergedIntoId, title: r.mergedTitle ?? '' } : null,
    meeting: a.meetingId && r.meetingTitle ? { id: a.meetingId, title: r.meetingTitle, startsAt: r.meetingStartsAt!.toISOString(), state: r.meetingState! } : null,
    mine: v.mine, actions: v.actions,
    reviewedAt: iso(a.reviewedAt), createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
  };
}
