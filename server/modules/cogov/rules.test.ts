import { describe, expect, it } from 'vitest';
import { type Stage, nextStage, stageRefusal, stateAfter } from './rules.ts';

describe('the order of propose → consult → review', () => {
  const cases: [Stage, Stage[], ReturnType<typeof stageRefusal>][] = [
    ['propose', [], null],
    ['consult', [], { code: 'cogov.stageOutOfOrder', next: 'propose' }],
    ['review', [], { code: 'cogov.stageOutOfOrder', next: 'propose' }],
    ['propose', ['propose'], { code: 'cogov.stageRecorded', next: 'consult' }],
    ['consult', ['propose'], null],
    ['review', ['propose'], { code: 'cogov.stageOutOfOrder', next: 'consult' }],
    ['consult', ['propose', 'consult'], { code: 'cogov.stageRecorded', next: 'review' }],
    ['review', ['propose', 'consult'], null],
    ['review', ['propose', 'consult', 'review'], { code: 'cogov.stageRecorded', next: null }],
  ];
  it.each(cases)('%s after %j', (stage, done, refusal) => expect(stageRefusal(stage, done)).toEqual(refusal));

  it('names the stage waiting and the state each stage leaves', () => {
    expect(nextStage([])).toBe('propose');
    expect(nextStage(['propose', 'consult', 'review'])).toBeNull();
    expect(['propose', 'consult', 'review'].map((s) => stateAfter(s as Stage))).toEqual(['proposed', 'consulted', 'reviewed']);
  });
});
