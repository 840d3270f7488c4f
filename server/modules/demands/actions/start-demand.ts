import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/policy.ts';
import { tellReporter } from '../notices.ts';
import { canHandle } from '../rights.ts';
import { stepDemand } from './step-demand.ts';

/** Work on the demand has begun (the handler is on it). */
export function startDemand(ctx: AppContext, actor: Actor, id: string, note?: string | null) {
  return stepDemand(ctx, actor, id, {
    action: 'start',
    allowed: (r) => canHandle(actor, r.d),
    change: () => ({ note }),
    after: (tx, _, d) => tellReporter(tx, ctx.pii, d, 'demand.started', `您的诉求 ${d.no} 正在办理`),
  });
}
