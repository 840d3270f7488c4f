import { describe, expect, it } from 'vitest';
import { adopted, fourBodiesOf, publicNoticeInTime, quorumOf } from './rules.ts';

const at = new Date('2026-11-29T02:00:00Z');
const people = (voting: number, present: number, extra: { voting: boolean; signedInAt: Date | null }[] = []) => [
  ...Array.from({ length: voting }, (_, i) => ({ voting: true, signedInAt: i < present ? at : null })),
  ...extra,
];

describe('quorum', () => {
  it.each([
    // voting invited, present, quorum set, required, met
    [8, 4, null, 5, false],
    [8, 5, null, 5, true],
    [9, 5, null, 5, true],
    [9, 4, null, 5, false],
    [1, 1, null, 1, true],
    [0, 0, null, 1, false],
    [10, 3, 3, 3, true],
    [10, 2, 3, 3, false],
  ])('%i invited, %i present, quorum %s → %i required, met %s', (voting, present, quorum, required, met) => {
    expect(quorumOf(people(voting, present), quorum)).toEqual({ voting, present, required, met });
  });

  it('counts neither observers nor registered speakers, present or not', () => {
    const q = quorumOf(people(4, 2, [{ voting: false, signedInAt: at }, { voting: false, signedInAt: at }]), null);
    expect(q).toEqual({ voting: 4, present: 2, required: 3, met: false });
  });
});

describe('adoption: more than half of the voting participants present', () => {
  it.each([
    [5, 10, false],
    [6, 10, true],
    [5, 9, true],
    [4, 9, false],
    [1, 1, true],
    [0, 1, false],
    [3, 5, true],
  ])('%i for of %i present → adopted %s', (votesFor, present, result) => {
    expect(adopted('joint_four_in_one', votesFor, present)).toBe(result);
    expect(adopted('hearing', votesFor, present)).toBe(result);
  });
});

describe('four bodies', () => {
  it('names the bodies missing among the voting participants', () => {
    const p = (capacity: string, voting = true) => ({ capacity, voting });
    expect(fourBodiesOf([p('party_org'), p('residents_committee'), p('owners_committee', false), p('resident_rep')]).missing).toEqual(['owners_committee', 'property_company']);
    expect(fourBodiesOf([p('party_org'), p('residents_committee'), p('owners_committee'), p('property_company')]).missing).toEqual([]);
  });
});

describe("a hearing's public notice", () => {
  const day = 86_400_000;
  it('runs at least its days before the hearing, the exact boundary included', () => {
    const starts = new Date(at.getTime() + 5 * day);
    expect(publicNoticeInTime(at, starts, 5)).toBe(true);
    expect(publicNoticeInTime(new Date(at.getTime() + 1), starts, 5)).toBe(false);
    expect(publicNoticeInTime(at, starts, 6)).toBe(false);
  });
});
