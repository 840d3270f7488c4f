import type { Permission } from '../../../app/types';

/** The voting permissions (server/modules/voting/policy.ts). */
export const VOTING = {
  read: 'voting.read',
  manage: 'voting.manage',
  vote: 'voting.vote',
} as const satisfies Record<string, Permission>;

export const MATTER_KINDS = [
  'rules_of_procedure', 'management_statute', 'committee_election', 'property_service', 'use_maintenance_fund',
  'raise_maintenance_fund', 'rebuild', 'common_use_change', 'other_major',
] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];
export type Choice = 'for' | 'against' | 'abstain';

export interface Condition {
  name: 'participation_area' | 'participation_owners' | 'for_area' | 'for_owners';
  value: number;
  of: number;
  ratio: number;
  threshold: { num: number; den: number; rule: 'at_least' | 'more_than' };
  met: boolean;
}

export interface Tally {
  kind: MatterKind;
  majority: 'special' | 'simple';
  verdict: 'invalid' | 'passed' | 'failed';
  totalArea: number; totalOwners: number; participatingArea: number; participatingOwners: number;
  forArea: number; forOwners: number; againstArea: number; againstOwners: number; abstainArea: number; abstainOwners: number;
  conditions: Condition[];
  failed: Condition['name'][];
}

export interface Estate {
  id: string; name: string; territoryId: string; territoryName: string; ballotsChangeable: boolean;
  units: number; owners: number; area: number; openMatters: number; createdAt: string;
}

export interface Unit {
  id: string; label: string; area: number; areaSource: 'registered' | 'surveyed' | 'contract';
  owner: { id: string; name: string; isDeveloper: boolean; linked: boolean };
}

export interface Matter {
  id: string; estateId: string; kind: MatterKind; title: string; description: string; state: 'draft' | 'open' | 'closed';
  opensAt: string | null; closesAt: string | null; closedAt: string | null; result: Tally | null; ballots: number;
}

export interface Ballot { choice: Choice; receipt: string; changes: number; castAt: string; updatedAt: string }

export interface MyMatter extends Omit<Matter, 'ballots'> {
  estateName: string;
  ballotsChangeable: boolean;
  myBallot: Ballot | null;
}

/** 12345 hundredths → "123.45". */
export const fmtArea = (hundredths: number) => `${Math.floor(hundredths / 100).toLocaleString('en-US')}.${String(hundredths % 100).padStart(2, '0')}`;
export const fmtRatio = (r: number) => `${(r * 100).toFixed(2)}%`;

/** What a receipt code proves (POST /api/vote-matters/:id/receipt-check). */
export interface ReceiptAnswer {
  counted: true; matterTitle: string; estateName: string; matterState: 'open' | 'closed';
  mine: boolean; choice: Choice | null;
}
