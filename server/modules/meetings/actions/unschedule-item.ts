import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { agendaItem, meetingItem } from '../../../db/schema/deliberation.ts';
import { managedMeeting } from '../queries.ts';
import '../messages.ts';

/** Takes an item off a draft meeting: it goes back to the accepted ones, for another meeting. */
export async function unscheduleItem(ctx: AppContext, actor: Actor, meetingId: string, meetingItemId: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, meetingId);
    if (m.state !== 'draft') throw new DomainError('meeting.badState', 409, { state: m.state });
    const [gone] = await tx.delete(meetingItem).where(and(eq(meetingItem.id, meetingItemId), eq(meetingItem.meetingId, meetingId))).returning();
    if (!gone) throw notFound('meetingItem', meetingItemId);
    await tx.update(agendaItem).set({ state: 'accepted', meetingId: null, updatedAt: new Date() })
      .where(and(eq(agendaItem.id, gone.agendaItemId), eq(agendaItem.meetingId, meetingId)));
    await audit(tx, actor, { action: 'meeting.unschedule', targetType: 'meeting', targetId: meetingId, territoryId: m.territoryId, before: { agendaItemId: gone.agendaItemId, position: gone.position } });
    return meetingId;
  });
}
