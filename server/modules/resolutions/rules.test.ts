import { describe, expect, it } from 'vitest';
import { type ResolutionState, actionsFor, isOverdue, publicationOpen, publicUntilOf } from './rules.ts';

const now = new Date('2026-03-10T04:00:00Z');
const later = new Date('2026-03-11T04:00:00Z');
const earlier = new Date('2026-03-09T04:00:00Z');

describe('overdue', () => {
  const cases: [ResolutionState, string | null, boolean][] = [
    ['published', '2026-03-09', true],
    ['in_progress', '2026-03-09', true],
    ['in_progress', '2026-03-10', false], // due today: not yet late
    ['in_progress', null, false],
    ['done', '2026-03-01', false],
    ['draft', '2026-03-01', false],
    ['withdrawn', '2026-03-01', false],
  ];
  it.each(cases)('%s due %s → %s', (state, dueOn, overdue) => expect(isOverdue({ state, dueOn, publicUntil: null }, '2026-03-10')).toBe(overdue));
});

describe('the publication window', () => {
  it('runs publicDays whole days from publication and takes objections only while open', () => {
    expect(publicUntilOf(now, 7).toISOString()).toBe('2026-03-17T04:00:00.000Z');
    expect(publicationOpen({ state: 'published', dueOn: null, publicUntil: later }, now)).toBe(true);
    expect(publicationOpen({ state: 'in_progress', dueOn: null, publicUntil: later }, now)).toBe(true);
    expect(publicationOpen({ state: 'published', dueOn: null, publicUntil: now }, now)).toBe(false);
    expect(publicationOpen({ state: 'published', dueOn: null, publicUntil: earlier }, now)).toBe(false);
    expect(publicationOpen({ state: 'withdrawn', dueOn: null, publicUntil: later }, now)).toBe(false);
  });

  it('offers each caller only the steps that work now', () => {
    const staff = { manage: true, object: false };
    const resident = { manage: false, object: true };
    expect(actionsFor({ state: 'draft', dueOn: null, publicUntil: null }, staff, now)).toEqual(['edit', 'publish', 'withdraw']);
    expect(actionsFor({ state: 'published', dueOn: null, publicUntil: later }, staff, now)).toEqual(['edit', 'withdraw', 'answer', 'progress', 'done']);
    expect(actionsFor({ state: 'published', dueOn: null, publicUntil: later }, resident, now)).toEqual(['object']);
    expect(actionsFor({ state: 'published', dueOn: null, publicUntil: earlier }, resident, now)).toEqual([]);
    expect(actionsFor({ state: 'done', dueOn: null, publicUntil: earlier }, staff, now)).toEqual(['answer']);
  });
});
