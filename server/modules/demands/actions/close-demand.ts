import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { demand } from '../../../db/schema/demands.ts';
import { tellReporter } from '../notices.ts';
import { canHandle, ratingLapsed } from '../rights.ts';
import { RATING_WAIT_DAYS } from '../rules.ts';
import { stepDemand } from './step-demand.ts';

/** A worker closes a resolved demand its reporter has not rated in RATING_WAIT_DAYS days. */
export function closeDemand(ctx: AppContext, actor: Actor, id: string, note?: string | null) {
  return stepDemand(ctx, actor, id, {
    action: 'close',
    allowed: (r) => canHandle(actor, r.d),
    change: (_, d) => {
      if (!ratingLapsed(d, new Date())) throw new DomainError('demand.ratingPending', 409, { days: RATING_WAIT_DAYS });
      return {
        set: { closedAt: new Date() }, note, data: { unrated: true },
        when: sql`${demand.rating} is null and ${demand.resolvedAt} <= now() - make_interval(days => ${RATING_WAIT_DAYS})`,
      };
    },
    after: (tx, _, d) => tellReporter(tx, ctx.pii, d, 'demand.closed', `您的诉求 ${d.no} 已结案`),
  });
}
