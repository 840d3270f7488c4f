import { describe, expect, it } from 'vitest';
import { assess, hotTopicText, lnGamma, negBinomialLogTail } from './rules.ts';

describe('the negative-binomial tail', () => {
  it('matches closed forms', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362_880), 10);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    // r = 1 is geometric: P(X ≥ k) = (1 − p)^k
    expect(Math.exp(negBinomialLogTail(5, 1, 0.9))).toBeCloseTo(1e-5, 12);
    expect(negBinomialLogTail(0, 3, 0.5)).toBe(0);
    // r = 2, p = 1/2: P(X ≥ 1) = 1 − p² = 3/4
    expect(Math.exp(negBinomialLogTail(1, 2, 0.5))).toBeCloseTo(0.75, 12);
  });

  it('stays finite where the probability underflows a double', () => {
    const lt = negBinomialLogTail(400, 1, 0.9);
    expect(lt / Math.LN10).toBeCloseTo(-400, 6);
  });
});

describe('assess: count in the window against the node baseline (8 weeks)', () => {
  const cases: [count: number, baseline: number, verdict: string, why: string][] = [
    [12, 12, 'raise', '电梯 12 this week, usually 1.5 a week'],
    [5, 0, 'raise', 'five of a word never seen: the boundary, score exactly 5'],
    [4, 0, 'keep', 'four of a new word: below the minimum count'],
    [20, 40, 'raise', 'four times a usual 5 a week'],
    [13, 24, 'keep', 'about 4.5 times usual 3 a week but not surprising enough (score 4.5)'],
    [12, 40, 'keep', 'under three times usual'],
    [3, 0, 'keep', 'the least an open warning is held at'],
    [2, 0, 'quiet', 'too few to hold a warning'],
    [5, 40, 'quiet', 'usual level'],
    [0, 8, 'quiet', 'nothing this week'],
  ];
  it.each(cases)('%i against %i over 8 weeks → %s (%s)', (count, baseline, verdict) => {
    expect(assess(count, baseline).verdict).toBe(verdict);
  });

  it('reports the usual weekly count as people read it and a score that grows with the surprise', () => {
    const a = assess(12, 12);
    expect(a.usual).toBe(1.5);
    expect(a.expected).toBeCloseTo(13 / 9, 12);
    expect(a.score).toBeGreaterThan(assess(11, 12).score);
    expect(assess(12, 24).score).toBeLessThan(a.score);
  });
});

describe('the warning text', () => {
  it('reads like the street writes it', () => {
    expect(hotTopicText('龙潭社区', '电梯', 7, 12, 1.5)).toBe('龙潭社区：电梯 7天12件，平时每周1.5件');
    expect(hotTopicText('龙潭社区', '停车位', 7, 9, 0)).toBe('龙潭社区：停车位 7天9件，平时每周0件');
    expect(hotTopicText('龙潭社区', '电梯', 7, 12, 1.4444)).toBe('龙潭社区：电梯 7天12件，平时每周1.4件');
  });
});
