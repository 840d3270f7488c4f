import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, forbidden, invalid } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { cogovMatter, cogovStage } from '../../../db/schema/deliberation.ts';
import { dayOf } from '../../demands/calendar.ts';
import { bodyNear, meetingNear } from '../../resolutions/places.ts';
import '../messages.ts';
import { visibleMatter } from '../queries.ts';
import { STAGES, type Stage, meetingKindOf, stageRefusal, stateAfter } from '../rules.ts';

export interface StageInput {
  stage: Stage;
  outcome: string;
  decidedOn: string;
  bodyId?: string;
  meetingId?: string;
}

const UNIQUE_VIOLATION = '23505';
const isUnique = (e: unknown) => [(e as { code?: string }).code, (e as { cause?: { code?: string } }).cause?.code].includes(UNIQUE_VIOLATION);

/**
 * One stage of 提议—商议—评议, in order only. The matter is locked while its stages are read, and
 * the unique (matter, stage) index holds even against a writer that slipped past the lock.
 */
export async function recordStage(ctx: AppContext, actor: Actor, id: string, input: StageInput) {
  const seen = await visibleMatter(ctx.db, actor, id);
  if (!canAt(actor, 'cogov.manage', seen.m.path)) throw forbidden();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [m] = await tx.select().from(cogovMatter).where(eq(cogovMatter.id, id)).for('update');
      if (m!.state === 'dropped' || m!.state === 'reviewed') throw new DomainError('cogov.closed', 409, { state: m!.state });
      const stages = await tx.select({ stage: cogovStage.stage, decidedOn: cogovStage.decidedOn }).from(cogovStage).where(eq(cogovStage.matterId, id));
      const refusal = stageRefusal(input.stage, stages.map((s) => s.stage));
      if (refusal) throw new DomainError(refusal.code, 409, { stage: input.stage, next: refusal.next });
      if (input.decidedOn > dayOf(new Date())) throw invalid('decidedOn', 'cogov.futureDate');
      const previous = stages.find((s) => s.stage === STAGES[STAGES.indexOf(input.stage) - 1]);
      if (previous && input.decidedOn < previous.decidedOn) throw invalid('decidedOn', 'cogov.beforePrevious', { previous: previous.decidedOn });
      if (input.bodyId && !(await bodyNear(tx, input.bodyId, m!.path))) throw invalid('bodyId', 'cogov.badBody');
      if (input.meetingId) {
        const meeting = await meetingNear(tx, input.meetingId, m!.path);
        if (!meeting) throw invalid('meetingId', 'cogov.badMeeting');
        const kind = meetingKindOf[input.stage];
        if (kind && meeting.kind !== kind) throw invalid('meetingId', 'cogov.meetingKind', { kind });
      }
      const [s] = await tx.insert(cogovStage).values({
        matterId: id, stage: input.stage, bodyId: input.bodyId ?? null, meetingId: input.meetingId ?? null,
        outcome: input.outcome, decidedOn: input.decidedOn, recordedBy: actor.accountId,
      }).returning();
      const state = stateAfter(input.stage);
      await tx.update(cogovMatter).set({ state }).where(and(eq(cogovMatter.id, id), eq(cogovMatter.state, m!.state)));
      await audit(tx, actor, { action: `cogov.${input.stage}`, targetType: 'cogov_matter', targetId: id, territoryId: m!.territoryId, before: { state: m!.state }, after: { state, stage: s } });
      return id;
    });
  } catch (e) {
    if (isUnique(e)) throw new DomainError('cogov.stageRecorded', 409, { stage: input.stage });
    throw e;
  }
}
