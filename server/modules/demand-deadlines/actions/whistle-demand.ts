import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { demand } from '../../../db/schema/demands.ts';
import { stepDemand } from '../../demands/actions/step-demand.ts';
import { canWhistle } from '../../demands/rights.ts';
import '../messages.ts';
import { raisedColumns, tellRaised } from './raise-level.ts';

/**
 * 吹哨报到: the community asks the street to take a demand it cannot settle alone, the street
 * asks the district. The demand keeps its state; its level moves up one and the new holder's
 * deadline starts. Only the level that holds it may whistle, and only once from that level: the
 * update matches only while the level is still the one read.
 */
export function whistleDemand(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return stepDemand(ctx, actor, id, {
    action: 'whistle',
    allowed: (r) => canAt(actor, 'demand.escalate', r.d.path),
    change: async (tx, d) => {
      if (d.level === 'district') throw new DomainError('demand.atTop', 409);
      if (!canWhistle(actor, d)) throw new DomainError('demand.notYourLevel', 409, { level: d.level });
      const set = await raisedColumns(tx, d, new Date());
      return { set, note: reason, when: eq(demand.level, d.level), data: { fromLevel: d.level, toLevel: set.level, dueAt: set.dueAt.toISOString() } };
    },
    after: (tx, before, after) => tellRaised(tx, ctx.pii, before, after, 'whistle'),
  });
}
