import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/policy.ts';
import { tellReporter } from '../notices.ts';
import { canHandle } from '../rights.ts';
import { stepDemand } from './step-demand.ts';

/** The handler reports what was done; on time when done by the deadline that applied. */
export function resolveDemand(ctx: AppContext, actor: Actor, id: string, note: string) {
  return stepDemand(ctx, actor, id, {
    action: 'resolve',
    allowed: (r) => canHandle(actor, r.d),
    change: (_, d) => {
      const now = new Date();
      const onTime = !d.dueAt || now.getTime() <= d.dueAt.getTime();
      return { set: { resolvedAt: now, onTime }, note, data: { onTime } };
    },
    after: (tx, _, d) => tellReporter(tx, ctx.pii, d, 'demand.resolved', `您的诉求 ${d.no} 已办结，请评价`, { sms: true, params: { result: note } }),
  });
}
