import type { RuleCode } from './award.ts';

/** Star levels (星级) for a calendar year's points, highest first. */
export const starLevels = [
  { level: 'star3', min: 600 },
  { level: 'star2', min: 300 },
  { level: 'star1', min: 100 },
] as const;
export type StarLevel = (typeof starLevels)[number]['level'];

export function levelFor(yearPoints: number): StarLevel | null {
  return starLevels.find((l) => yearPoints >= l.min)?.level ?? null;
}

/** What a new district starts with: an hour of service is worth most, and capped so no one farms it. */
export const defaultRules: { code: RuleCode; points: number; monthlyCap: number | null }[] = [
  { code: 'service_hour', points: 10, monthlyCap: 200 },
  { code: 'activity', points: 5, monthlyCap: null },
  { code: 'wish', points: 20, monthlyCap: null },
  { code: 'registration', points: 50, monthlyCap: null },
];

/**
 * Under an `annual` rule an entry stays valid in the calendar year it was earned and the next one:
 * points earned in 2025 still count through 2026 and lapse on 1 January 2027.
 */
export const firstValidYear = (currentYear: number) => currentYear - 1;

/** 1 + the number of members ahead: members with equal points share a rank. */
export function ranksOfPage(points: number[], firstRank: number, offset: number): number[] {
  return points.map((p, i) => {
    if (i === 0) return firstRank;
    let j = i;
    while (j > 0 && points[j - 1] === p) j--;
    return j === 0 ? firstRank : offset + j + 1;
  });
}
