/** The order of the pipeline (提议—商议—评议) as plain rules. */

export const STAGES = ['propose', 'consult', 'review'] as const;
export type Stage = (typeof STAGES)[number];
export type MatterState = 'proposed' | 'consulted' | 'reviewed' | 'dropped';

/** The stage waiting, given those recorded; null when all three are. */
export const nextStage = (done: readonly Stage[]): Stage | null => STAGES.find((s) => !done.includes(s)) ?? null;

/** The matter's state once `stage` is recorded. */
export const stateAfter = (stage: Stage): MatterState => (stage === 'review' ? 'reviewed' : stage === 'consult' ? 'consulted' : 'proposed');

/** The meeting kind a stage must link, when it links one: the joint conference consults, the assembly reviews. */
export const meetingKindOf: Record<Stage, string | null> = {
  propose: null,
  consult: 'regional_joint_conference',
  review: 'representative_assembly',
};

/** Why a stage may not be recorded now, or null when it may. */
export function stageRefusal(stage: Stage, done: readonly Stage[]): { code: 'cogov.stageRecorded' | 'cogov.stageOutOfOrder'; next: Stage | null } | null {
  if (done.includes(stage)) return { code: 'cogov.stageRecorded', next: nextStage(done) };
  const next = nextStage(done);
  return next === stage ? null : { code: 'cogov.stageOutOfOrder', next };
}
