import { z } from 'zod';
import type { mediationCase, mediationParty, mediationSession } from '../../db/schema/deliberation.ts';
import { caseActions } from './rules.ts';

export const caseKinds = ['neighbour', 'property', 'family', 'other'] as const;
export const caseStates = ['open', 'in_mediation', 'agreed', 'failed', 'closed'] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const caseOut = z.object({
  id: z.string(), no: z.string(), territoryId: z.string(), territoryName: z.string(), kind: z.enum(caseKinds), title: z.string(),
  state: z.enum(caseStates), mediator: z.object({ id: z.string(), name: z.string() }).nullable(),
  parties: z.array(z.object({ side: z.enum(['applicant', 'respondent']), name: z.string().describe('masked unless a body') })),
  createdAt: z.string(), updatedAt: z.string(),
});

export const partyOut = z.object({
  id: z.string(), side: z.enum(['applicant', 'respondent']), kind: z.enum(['person', 'body', 'named']),
  name: z.string().describe('masked (张*丰) for a person; a body by its name'), phone: z.string().nullable().describe('masked (138****5678)'),
  signedAt: z.string().nullable(),
});

export const sessionOut = z.object({ id: z.string(), heldAt: z.string(), place: z.string(), notes: z.string(), recordedBy: z.string().nullable(), createdAt: z.string() });

export const caseDetailOut = caseOut.extend({
  description: z.string(), demand: z.object({ id: z.string(), no: z.string() }).nullable(),
  partyList: z.array(partyOut), sessions: z.array(sessionOut),
  agreementText: z.string().nullable(), agreedAt: z.string().nullable(), failReason: z.string().nullable(),
  followUpOn: z.string().nullable(), followUpNote: z.string().nullable(), followedUpAt: z.string().nullable(),
  actions: z.array(z.enum(caseActions)).describe('what the caller may do now'),
});

type Case = typeof mediationCase.$inferSelect;
type Party = typeof mediationParty.$inferSelect;

export interface CaseView {
  m: Case;
  territoryName: string;
  mediatorName: string | null;
  parties: Party[];
}

/** Parties appear only masked: a body by its name, a person or a named party as 张*丰 and 138****5678. */
export function presentParty(p: Party): z.infer<typeof partyOut> {
  return {
    id: p.id, side: p.side, kind: p.bodyId ? 'body' : p.personId ? 'person' : 'named',
    name: p.nameMasked, phone: p.phoneMasked, signedAt: iso(p.signedAt),
  };
}

export function presentCase(v: CaseView): z.infer<typeof caseOut> {
  const { m } = v;
  return {
    id: m.id, no: m.no, territoryId: m.territoryId, territoryName: v.territoryName, kind: m.kind, title: m.title, state: m.state,
    mediator: m.mediatorPersonId ? { id: m.mediatorPersonId, name: v.mediatorName ?? '' } : null,
    parties: v.parties.map((p) => ({ side: p.side, name: p.nameMasked })),
    createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(),
  };
}

export function presentSession(s: typeof mediationSession.$inferSelect & { recordedBy: string | null }): z.infer<typeof sessionOut> {
  return { id: s.id, heldAt: s.heldAt.toISOString(), place: s.place, notes: s.notes, recordedBy: s.recordedBy, createdAt: s.createdAt.toISOString() };
}
