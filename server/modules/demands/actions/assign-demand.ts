import type { AppContext } from '../../../core/context.ts';
import { invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import type { HandlerKind } from '../../../db/schema/demands.ts';
import { addWorkingDays } from '../calendar.ts';
import { tellReporter } from '../notices.ts';
import { handlersFor } from '../queries.ts';
import { canHandle } from '../rights.ts';
import { stepDemand } from './step-demand.ts';

/** Working days a line department has to answer when it sets none of its own. */
export const DEFAULT_ANSWER_DAYS = 3;

/**
 * Hands the demand to a body that will do the work: one of its place's bodies, or — for the
 * street or district holding it — a line department, whose own answer days become the deadline.
 */
export function assignDemand(ctx: AppContext, actor: Actor, id: string, bodyId: string, note?: string | null) {
  return stepDemand(ctx, actor, id, {
    action: 'assign',
    allowed: (r) => canHandle(actor, r.d),
    change: async (tx, d) => {
      const target = (await handlersFor(tx, actor, d)).find((b) => b.id === bodyId);
      if (!target) throw invalid('bodyId', 'demand.unknownHandler');
      const kind: HandlerKind = target.kind === 'villagers_committee' ? 'residents_committee' : (target.kind as HandlerKind);
      const dueAt = kind === 'line_department' ? await addWorkingDays(tx, d.districtId, new Date(), target.answerDays ?? DEFAULT_ANSWER_DAYS) : undefined;
      return {
        set: { handlerKind: kind, handlerBodyId: target.id, ...(dueAt ? { dueAt, remindedAt: null } : {}) },
        note,
        data: { bodyId: target.id, bodyName: target.name, kind, ...(dueAt ? { dueAt: dueAt.toISOString() } : {}) },
      };
    },
    after: (tx, _, d) => tellReporter(tx, ctx.pii, d, 'demand.assigned', `您的诉求 ${d.no} 已交办`),
  });
}
