import type { BodyKind, Position } from '../../db/schema/bodies.ts';
import type { MeetingKind } from '../../db/schema/deliberation.ts';

export const capacities = ['party_org', 'residents_committee', 'owners_committee', 'property_company', 'resident_rep', 'unit', 'deputy', 'speaker', 'observer'] as const;
export type Capacity = (typeof capacities)[number];

/** The four bodies a four-in-one joint meeting must hear from (§自治引领1). */
export const FOUR_BODIES = ['party_org', 'residents_committee', 'owners_committee', 'property_company'] as const satisfies readonly Capacity[];
export type FourBody = (typeof FOUR_BODIES)[number];

/** Which of the four a body sits as; a village's committee stands for a residents' committee. */
export function fourBodyOf(kind: BodyKind): FourBody | null {
  if (kind === 'party_committee' || kind === 'party_general_branch' || kind === 'party_branch') return 'party_org';
  if (kind === 'residents_committee' || kind === 'villagers_committee') return 'residents_committee';
  if (kind === 'owners_committee' || kind === 'property_company') return kind;
  return null;
}

/** Leaders first when proposing who sits for a body. */
export const POSITION_ORDER: readonly Position[] = ['secretary', 'director', 'manager', 'deputy_secretary', 'deputy_director', 'committee_member', 'liaison', 'member', 'mediator'];

/** Capacities that do not count toward the quorum unless said otherwise. */
export const defaultVoting = (capacity: Capacity) => capacity !== 'speaker' && capacity !== 'observer';

/** The four bodies present among the voting participants, and the ones missing. */
export function fourBodiesOf(participants: { capacity: string; voting: boolean }[]) {
  const present = Object.fromEntries(FOUR_BODIES.map((c) => [c, participants.some((p) => p.voting && p.capacity === c)])) as Record<FourBody, boolean>;
  return { present, missing: FOUR_BODIES.filter((c) => !present[c]) };
}

export interface Quorum {
  voting: number;
  present: number;
  required: number;
  met: boolean;
}

/** Present voting participants against the meeting's quorum, by default more than half of those invited to vote. */
export function quorumOf(participants: { voting: boolean; signedInAt: Date | null }[], quorum: number | null): Quorum {
  const voters = participants.filter((p) => p.voting);
  const present = voters.filter((p) => p.signedInAt).length;
  const required = quorum ?? Math.floor(voters.length / 2) + 1;
  return { voting: voters.length, present, required, met: present >= required };
}

/**
 * How an item is carried at each kind of meeting. Today every kind uses the same rule — adopted
 * when those in favour are more than half of the voting participants present — but a kind may
 * be given a stricter one (two thirds, say) here without touching the decision itself.
 */
export const adoptionRule: Record<MeetingKind, { num: number; den: number }> = {
  joint_four_in_one: { num: 1, den: 2 },
  deliberation: { num: 1, den: 2 },
  hearing: { num: 1, den: 2 },
  review: { num: 1, den: 2 },
  regional_joint_conference: { num: 1, den: 2 },
  representative_assembly: { num: 1, den: 2 },
  owners_assembly: { num: 1, den: 2 },
};

/** Strictly more than the rule's share of those present: for/present > num/den, in integers. */
export const adopted = (kind: MeetingKind, votesFor: number, present: number) =>
  votesFor * adoptionRule[kind].den > present * adoptionRule[kind].num;

export const DAY_MS = 86_400_000;
export const DEFAULT_PUBLIC_NOTICE_DAYS = 5;

/** A hearing's public notice must run at least its days before the hearing. */
export const publicNoticeInTime = (now: Date, startsAt: Date, days: number) => startsAt.getTime() - now.getTime() >= days * DAY_MS;
