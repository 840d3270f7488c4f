import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/policy.ts';
import { tellReporter } from '../notices.ts';
import { canHandle } from '../rights.ts';
import { stepDemand } from './step-demand.ts';

/** The community turns a demand down, with a reason the resident reads. */
export function rejectDemand(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return stepDemand(ctx, actor, id, {
    action: 'reject',
    allowed: (r) => canHandle(actor, r.d),
    change: () => ({ set: { rejectReason: reason }, note: reason }),
    after: (tx, _, d) => tellReporter(tx, ctx.pii, d, 'demand.rejected', `您的诉求 ${d.no} 未予受理：${reason}`, { sms: true, params: { reason } }),
  });
}
