import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { demand, demandLink } from '../../../db/schema/demands.ts';
import { tellReporter } from '../notices.ts';
import { canHandle } from '../rights.ts';
import { transitions } from '../rules.ts';
import { visibleDemands } from '../queries.ts';
import { stepDemand } from './step-demand.ts';

/**
 * A duplicate joins the demand it repeats (an open one of the same community): it ends as merged,
 * pointing there; its links stay and are carried over, and its reporter is told where to follow.
 */
export function mergeDemand(ctx: AppContext, actor: Actor, id: string, intoId: string, note?: string | null) {
  return stepDemand(ctx, actor, id, {
    action: 'merge',
    allowed: (r) => canHandle(actor, r.d),
    alsoLock: intoId,
    change: async (tx, d) => {
      const [into] = await tx.select({ id: demand.id, no: demand.no }).from(demand)
        .where(and(eq(demand.id, intoId), eq(demand.communityId, d.communityId), inArray(demand.state, [...transitions.merge!.from]), visibleDemands(actor)))
        .for('update');
      if (!into || into.id === d.id) throw invalid('intoId', 'demand.badMergeTarget');
      const links = await tx.select().from(demandLink).where(eq(demandLink.demandId, d.id));
      if (links.length) {
        await tx.insert(demandLink).values(links.map(({ id: _, demandId: __, ...l }) => ({ ...l, demandId: into.id }))).onConflictDoNothing();
      }
      return { set: { mergedIntoId: into.id }, note, data: { intoId: into.id, intoNo: into.no } };
    },
    after: (tx, _, d) => tellReporter(tx, ctx.pii, d, 'demand.merged', `您的诉求 ${d.no} 已与同类诉求合并办理`),
  });
}
