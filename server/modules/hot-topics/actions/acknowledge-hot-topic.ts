import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { hotTopic } from '../../../db/schema/demands.ts';
import { visibleHotTopic } from '../queries.ts';
import '../messages.ts';

/**
 * Staff of the node (or above it) take note of a warning: it stays listed until it subsides but
 * no longer counts as new. Acknowledging twice changes nothing the second time.
 */
export async function acknowledgeHotTopic(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { h } = await visibleHotTopic(tx, actor, id);
    if (h.state === 'closed') throw new DomainError('hotTopic.closed', 409, { id });
    const [done] = await tx.update(hotTopic).set({ state: 'acknowledged', acknowledgedBy: actor.accountId, updatedAt: new Date() })
      .where(and(eq(hotTopic.id, id), eq(hotTopic.state, 'open'))).returning({ id: hotTopic.id });
    if (!done) return;
    await audit(tx, actor, {
      action: 'hotTopic.acknowledge', targetType: 'hot_topic', targetId: id, territoryId: h.territoryId,
      before: { state: 'open' }, after: { state: 'acknowledged' },
    });
  });
}
