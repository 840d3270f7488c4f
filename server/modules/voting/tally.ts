import type { MatterKind } from '../../db/schema/voting.ts';

/**
 * Civil Code art. 278: the owners' vote, as pure integer arithmetic. Areas are hundredths of a
 * square metre; every comparison is a cross-multiplication in BigInt, so 2/3 is exactly 2/3.
 */

/** Items (六)–(八) need three quarters of those taking part; everything else more than half. */
export const SPECIAL_KINDS: readonly MatterKind[] = ['raise_maintenance_fund', 'rebuild', 'common_use_change'];

export interface Fraction {
  num: number;
  den: number;
}

/** `at_least`: value/of ≥ num/den; `more_than`: value/of > num/den. */
export interface Threshold extends Fraction {
  rule: 'at_least' | 'more_than';
}

export type ConditionName = 'participation_area' | 'participation_owners' | 'for_area' | 'for_owners';

export interface Condition {
  name: ConditionName;
  value: number;
  of: number;
  /** value/of, rounded to 4 decimals, for display only: the verdict never reads it. */
  ratio: number;
  threshold: Threshold;
  met: boolean;
}

/** What the register and the ballots give: owners as the law counts them, each with their summed area. */
export interface Counts {
  totalArea: number;
  totalOwners: number;
  participatingArea: number;
  participatingOwners: number;
  forArea: number;
  forOwners: number;
  againstArea: number;
  againstOwners: number;
  abstainArea: number;
  abstainOwners: number;
}

export interface Tally extends Counts {
  kind: MatterKind;
  majority: 'special' | 'simple';
  /** `invalid`: too few took part for the vote to count; otherwise passed or failed. */
  verdict: 'invalid' | 'passed' | 'failed';
  conditions: Condition[];
  /** The conditions not met, in the order the law checks them. */
  failed: ConditionName[];
}

export const TWO_THIRDS: Threshold = { num: 2, den: 3, rule: 'at_least' };
export const THREE_QUARTERS: Threshold = { num: 3, den: 4, rule: 'at_least' };
export const MORE_THAN_HALF: Threshold = { num: 1, den: 2, rule: 'more_than' };

/** value/of against the threshold, exactly: value·den ≥ num·of (or >). Nothing of nothing meets nothing. */
export function meets(value: number, of: number, t: Threshold): boolean {
  if (of <= 0) return false;
  const left = BigInt(value) * BigInt(t.den);
  const right = BigInt(t.num) * BigInt(of);
  return t.rule === 'at_least' ? left >= right : left > right;
}

const ratio = (value: number, of: number) => (of > 0 ? Math.round((value / of) * 10_000) / 10_000 : 0);

function condition(name: ConditionName, value: number, of: number, threshold: Threshold): Condition {
  return { name, value, of, ratio: ratio(value, of), threshold, met: meets(value, of, threshold) };
}

/** The verdict of one matter with every figure behind it. */
export function tallyVote(kind: MatterKind, c: Counts): Tally {
  const special = SPECIAL_KINDS.includes(kind);
  const majority = special ? THREE_QUARTERS : MORE_THAN_HALF;
  const participation = [
    condition('participation_area', c.participatingArea, c.totalArea, TWO_THIRDS),
    condition('participation_owners', c.participatingOwners, c.totalOwners, TWO_THIRDS),
  ];
  const decision = [
    condition('for_area', c.forArea, c.participatingArea, majority),
    condition('for_owners', c.forOwners, c.participatingOwners, majority),
  ];
  const conditions = [...participation, ...decision];
  const failed = conditions.filter((x) => !x.met).map((x) => x.name);
  const verdict = participation.some((x) => !x.met) ? 'invalid' : decision.every((x) => x.met) ? 'passed' : 'failed';
  return { ...c, kind, majority: special ? 'special' : 'simple', verdict, conditions, failed };
}

export type Choice = 'for' | 'against' | 'abstain';

/**
 * The counts from the register unit by unit: units of one owner (a buyer's several flats, the
 * developer's unsold ones) make one owner with their areas summed. The recount that the
 * one-query live tally must equal.
 */
export function recount(units: readonly { ownerId: string; area: number }[], ballots: ReadonlyMap<string, Choice>): Counts {
  const areas = new Map<string, number>();
  for (const u of units) areas.set(u.ownerId, (areas.get(u.ownerId) ?? 0) + u.area);
  const c: Counts = {
    totalArea: 0, totalOwners: 0, participatingArea: 0, participatingOwners: 0,
    forArea: 0, forOwners: 0, againstArea: 0, againstOwners: 0, abstainArea: 0, abstainOwners: 0,
  };
  for (const [ownerId, area] of areas) {
    c.totalArea += area;
    c.totalOwners += 1;
    const choice = ballots.get(ownerId);
    if (!choice) continue;
    c.participatingArea += area;
    c.participatingOwners += 1;
    c[`${choice}Area`] += area;
    c[`${choice}Owners`] += 1;
  }
  return c;
}

/** The area that counts for a unit: registered, else surveyed, else contract. */
export const unitArea = (u: { registeredArea: number | null; surveyedArea: number | null; contractArea: number | null }) =>
  u.registeredArea ?? u.surveyedArea ?? u.contractArea ?? 0;
