import { asc, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { meetingItem } from '../../../db/schema/deliberation.ts';
import { managedMeeting } from '../queries.ts';
import '../messages.ts';

const REORDERABLE = ['draft', 'noticed', 'in_progress'];

/**
 * Puts the meeting's agenda in the given order, until the meeting closes. The whole order is sent,
 * so a repeated click or a retry sets the same positions again; an order that does not name every
 * item exactly once (someone added or removed one meanwhile) is refused rather than guessed at.
 */
export async function reorderItems(ctx: AppContext, actor: Actor, meetingId: string, order: string[]): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, meetingId);
    if (!REORDERABLE.includes(m.state)) throw new DomainError('meeting.badState', 409, { state: m.state });
    const items = await tx.select({ id: meetingItem.id, position: meetingItem.position }).from(meetingItem)
      .where(eq(meetingItem.meetingId, meetingId)).orderBy(asc(meetingItem.position));
    const known = new Set(items.map((i) => i.id));
    if (order.length !== items.length || new Set(order).size !== order.length || !order.every((id) => known.has(id))) {
      throw invalid('meetingItemIds', 'meeting.orderMismatch');
    }
    const before = items.map((i) => i.id);
    if (before.every((id, i) => id === order[i])) return meetingId;
    for (const [i, id] of order.entries()) {
      await tx.update(meetingItem).set({ position: i + 1 }).where(eq(meetingItem.id, id));
    }
    await audit(tx, actor, { action: 'meeting.reorder', targetType: 'meeting', targetId: meetingId, territoryId: m.territoryId, before: { order: before }, after: { order } });
    return meetingId;
  });
}
