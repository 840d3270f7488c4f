export const CASE_KINDS = ['neighbour', 'property', 'family', 'other'] as const;
export const CASE_STATES = ['open', 'in_mediation', 'agreed', 'failed', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export type CaseAction = 'party' | 'mediator' | 'session' | 'agreement' | 'sign' | 'fail' | 'followUp';

export const CASE_COLOR: Record<CaseState, string> = { open: 'orange', in_mediation: 'blue', agreed: 'green', failed: 'red', closed: 'default' };

export interface CaseRow {
  id: string;
  no: string;
  territoryId: string;
  territoryName: string;
  kind: (typeof CASE_KINDS)[number];
  title: string;
  state: CaseState;
  mediator: { id: string; name: string } | null;
  parties: { side: 'applicant' | 'respondent'; name: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface Party {
  id: string;
  side: 'applicant' | 'respondent';
  kind: 'person' | 'body' | 'named';
  name: string;
  phone: string | null;
  signedAt: string | null;
}

export interface CaseDetail extends CaseRow {
  description: string;
  demand: { id: string; no: string } | null;
  partyList: Party[];
  sessions: { id: string; heldAt: string; place: string; notes: string; recordedBy: string | null; createdAt: string }[];
  agreementText: string | null;
  agreedAt: string | null;
  failReason: string | null;
  followUpOn: string | null;
  followUpNote: string | null;
  followedUpAt: string | null;
  actions: CaseAction[];
}
