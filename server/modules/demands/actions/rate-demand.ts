import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/policy.ts';
import { type DemandRating, demandCategory } from '../../../db/schema/demands.ts';
import { addWorkingDays } from '../calendar.ts';
import { tellHolders } from '../notices.ts';
import { isReporter } from '../rights.ts';
import { MAX_REOPENS } from '../rules.ts';
import { stepDemand } from './step-demand.ts';

/**
 * The reporter rates the handling. The first unsatisfied rating sends it back to work with a fresh
 * deadline and tells its holders; any other rating closes it.
 */
export function rateDemand(ctx: AppContext, actor: Actor, id: string, rating: DemandRating, comment?: string | null) {
  return stepDemand(ctx, actor, id, {
    action: 'rate',
    allowed: (r) => isReporter(actor, r.d),
    change: async (tx, d) => {
      const data = { rating, ...(comment ? { comment } : {}) };
      if (rating === 'unsatisfied' && d.reopenCount < MAX_REOPENS) {
        const [category] = await tx.select({ days: demandCategory.deadlineDays }).from(demandCategory).where(eq(demandCategory.id, d.categoryId));
        const dueAt = await addWorkingDays(tx, d.districtId, new Date(), category!.days);
        return {
          to: 'in_progress', recordAs: 'reopen', note: comment, data: { ...data, dueAt: dueAt.toISOString() },
          set: { reopenCount: d.reopenCount + 1, dueAt, remindedAt: null, resolvedAt: null, onTime: null, rating: null, ratingComment: null },
        };
      }
      return { to: 'closed', note: comment, data, set: { rating, ratingComment: comment ?? null, closedAt: new Date() } };
    },
    after: async (tx, _, d) => {
      if (d.state === 'in_progress') await tellHolders(tx, d, 'demand.reopened', `诉求 ${d.no} 居民不满意，已重新办理`);
    },
  });
}
