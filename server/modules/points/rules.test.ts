import { describe, expect, it } from 'vitest';
import { capped, periodStart, periodsOf } from './periods.ts';
import { levelFor, ranksOfPage } from './rules.ts';

describe('ranks of a page', () => {
  it.each([
    { points: [50, 40, 30], first: 1, offset: 0, ranks: [1, 2, 3] },
    { points: [50, 50, 30], first: 1, offset: 0, ranks: [1, 1, 3] },
    { points: [30, 30, 20], first: 2, offset: 20, ranks: [2, 2, 23] },
    { points: [10, 10, 10], first: 5, offset: 20, ranks: [5, 5, 5] },
    { points: [], first: 1, offset: 0, ranks: [] },
  ])('$points from offset $offset → $ranks', ({ points, first, offset, ranks }) => {
    expect(ranksOfPage(points, first, offset)).toEqual(ranks);
  });
});

describe('star levels', () => {
  it.each([[0, null], [99, null], [100, 'star1'], [299, 'star1'], [300, 'star2'], [600, 'star3'], [5000, 'star3']] as const)('%i points → %s', (p, level) => {
    expect(levelFor(p)).toBe(level);
  });
});

describe('periods in Asia/Shanghai', () => {
  it('puts an instant just after local midnight of 1 October into Q4', () => {
    expect(periodsOf(new Date('2026-09-30T16:30:00Z'))).toEqual(['all', '2026', '2026-Q4', '2026-10']);
    expect(periodStart('quarter', new Date('2026-11-15T00:00:00Z')).toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(periodStart('month', new Date('2026-11-30T17:00:00Z')).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(periodStart('year', new Date('2026-05-01T00:00:00Z')).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('caps what a month may still add', () => {
    expect(capped(150, 200, 0)).toBe(150);
    expect(capped(100, 200, 150)).toBe(50);
    expect(capped(100, 200, 250)).toBe(0);
    expect(capped(100, null, 10_000)).toBe(100);
  });
});
