import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/policy.ts';
import { demandCategory } from '../../../db/schema/demands.ts';
import { addWorkingDays } from '../calendar.ts';
import { tellReporter } from '../notices.ts';
import { canHandle } from '../rights.ts';
import { stepDemand } from './step-demand.ts';

/** The community takes a demand on: its deadline starts, in the category's working days. */
export function acceptDemand(ctx: AppContext, actor: Actor, id: string, note?: string | null) {
  return stepDemand(ctx, actor, id, {
    action: 'accept',
    allowed: (r) => canHandle(actor, r.d),
    change: async (tx, d) => {
      const [category] = await tx.select({ days: demandCategory.deadlineDays }).from(demandCategory).where(eq(demandCategory.id, d.categoryId));
      const now = new Date();
      const dueAt = await addWorkingDays(tx, d.districtId, now, category!.days);
      return { set: { acceptedAt: now, dueAt }, note, data: { dueAt: dueAt.toISOString() } };
    },
    after: (tx, _, d) => tellReporter(tx, ctx.pii, d, 'demand.accepted', `您的诉求 ${d.no} 已受理`, { sms: true, params: { dueAt: d.dueAt?.toISOString() } }),
  });
}
