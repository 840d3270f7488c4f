import { describe, expect, it } from 'vitest';
import { type Choice, type Counts, meets, recount, tallyVote, TWO_THIRDS, unitArea } from './tally.ts';

/** 30 owners of 100.00 m² each: 3,000.00 m² in all. */
const TOTAL = { totalOwners: 30, totalArea: 300_000 };
const UNIT = 10_000;

/** Counts where `part` owners take part and `yes` of them vote for; the rest of those taking part vote against. */
function counts(part: number, yes: number, over: Partial<Counts> = {}): Counts {
  return {
    ...TOTAL,
    participatingOwners: part, participatingArea: part * UNIT,
    forOwners: yes, forArea: yes * UNIT,
    againstOwners: part - yes, againstArea: (part - yes) * UNIT,
    abstainOwners: 0, abstainArea: 0,
    ...over,
  };
}

describe('participation: two thirds of the area and two thirds of the owners', () => {
  it('exactly 2/3 of both is enough', () => {
    const t = tallyVote('property_service', counts(20, 20));
    expect(t.verdict).toBe('passed');
    expect(t.conditions.slice(0, 2).map((c) => c.met)).toEqual([true, true]);
  });
  it('one unit less makes the vote invalid, whatever the ballots say', () => {
    const t = tallyVote('property_service', counts(19, 19));
    expect(t.verdict).toBe('invalid');
    expect(t.failed).toEqual(['participation_area', 'participation_owners']);
  });
  it('enough owners but one hundredth of a square metre too little area is invalid', () => {
    const t = tallyVote('property_service', counts(20, 20, { participatingArea: 199_999, forArea: 199_999 }));
    expect(t.verdict).toBe('invalid');
    expect(t.failed).toEqual(['participation_area']);
  });
  it('enough area but one owner too few is invalid', () => {
    const t = tallyVote('property_service', counts(19, 19, { participatingArea: 200_000, forArea: 200_000 }));
    expect(t.verdict).toBe('invalid');
    expect(t.failed).toEqual(['participation_owners']);
  });
  it('abstaining counts as taking part', () => {
    const t = tallyVote('other_major', counts(20, 11, { againstOwners: 0, againstArea: 0, abstainOwners: 9, abstainArea: 9 * UNIT }));
    expect(t.verdict).toBe('passed');
  });
  it('an estate with no owners decides nothing', () => {
    const zero = { totalArea: 0, totalOwners: 0, participatingArea: 0, participatingOwners: 0, forArea: 0, forOwners: 0, againstArea: 0, againstOwners: 0, abstainArea: 0, abstainOwners: 0 };
    expect(tallyVote('other_major', zero).verdict).toBe('invalid');
  });
});

describe('items (六)–(八): three quarters of those taking part, by area and by owners', () => {
  for (const kind of ['raise_maintenance_fund', 'rebuild', 'common_use_change'] as const) {
    it(`${kind}: exactly 3/4 passes, just below fails`, () => {
      expect(tallyVote(kind, counts(20, 15)).verdict).toBe('passed');
      expect(tallyVote(kind, counts(20, 15)).majority).toBe('special');
      const area = tallyVote(kind, counts(20, 15, { forArea: 149_999 }));
      expect([area.verdict, area.failed]).toEqual(['failed', ['for_area']]);
      const owners = tallyVote(kind, counts(20, 14, { forArea: 150_000 }));
      expect([owners.verdict, owners.failed]).toEqual(['failed', ['for_owners']]);
    });
  }
});

describe('every other item: more than half of those taking part, by area and by owners', () => {
  for (const kind of ['rules_of_procedure', 'management_statute', 'committee_election', 'property_service', 'use_maintenance_fund', 'other_major'] as const) {
    it(`${kind}: exactly 1/2 fails, just above passes`, () => {
      const half = tallyVote(kind, counts(20, 10));
      expect([half.verdict, half.failed, half.majority]).toEqual(['failed', ['for_area', 'for_owners'], 'simple']);
      expect(tallyVote(kind, counts(20, 11)).verdict).toBe('passed');
      expect(tallyVote(kind, counts(20, 10, { forArea: 100_001 })).failed).toEqual(['for_owners']);
      expect(tallyVote(kind, counts(20, 11, { forArea: 100_000 })).failed).toEqual(['for_area']);
    });
  }
});

describe('the figures', () => {
  it('carries totals, participation, for, ratios and thresholds', () => {
    const t = tallyVote('rebuild', counts(24, 18));
    expect(t).toMatchObject({ totalArea: 300_000, totalOwners: 30, participatingArea: 240_000, participatingOwners: 24, forArea: 180_000, forOwners: 18 });
    expect(t.conditions[0]).toMatchObject({ name: 'participation_area', value: 240_000, of: 300_000, ratio: 0.8, threshold: { num: 2, den: 3, rule: 'at_least' }, met: true });
    expect(t.conditions[3]).toMatchObject({ name: 'for_owners', value: 18, of: 24, ratio: 0.75, threshold: { num: 3, den: 4, rule: 'at_least' }, met: true });
  });
  it('compares exactly where floating point would not (large areas)', () => {
    // Past 2^53 a float product would round; the BigInt cross-multiplication still decides.
    const of = 3 * 2_000_000_000_000_001;
    expect(meets(2 * 2_000_000_000_000_001, of, TWO_THIRDS)).toBe(true);
    expect(meets(2 * 2_000_000_000_000_001 - 1, of, TWO_THIRDS)).toBe(false);
  });
});

describe('owners as the law counts them', () => {
  const units = [
    { ownerId: 'buyer', area: unitArea({ registeredArea: 9_000, surveyedArea: 9_100, contractArea: 9_200 }) },
    { ownerId: 'buyer', area: unitArea({ registeredArea: null, surveyedArea: 6_000, contractArea: 6_100 }) },
    { ownerId: 'developer', area: 8_000 }, { ownerId: 'developer', area: 8_000 }, { ownerId: 'developer', area: 8_000 },
    { ownerId: 'single', area: unitArea({ registeredArea: null, surveyedArea: null, contractArea: 7_000 }) },
  ];
  it('a buyer with two units is one owner with the summed area; the developer’s unsold units are one owner', () => {
    const c = recount(units, new Map<string, Choice>([['buyer', 'for']]));
    expect(c).toMatchObject({ totalOwners: 3, totalArea: 9_000 + 6_000 + 24_000 + 7_000, participatingOwners: 1, participatingArea: 15_000, forOwners: 1, forArea: 15_000 });
  });
  it('the developer voting for carries one owner and all its area', () => {
    const c = recount(units, new Map<string, Choice>([['developer', 'for'], ['single', 'against'], ['buyer', 'abstain']]));
    expect(c).toMatchObject({ participatingOwners: 3, forOwners: 1, forArea: 24_000, againstOwners: 1, againstArea: 7_000, abstainOwners: 1, abstainArea: 15_000 });
  });
});
