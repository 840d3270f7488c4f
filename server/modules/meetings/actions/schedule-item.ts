import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { agendaItem, meetingItem } from '../../../db/schema/deliberation.ts';
import { managedMeeting } from '../queries.ts';
import '../../agenda/messages.ts';
import '../messages.ts';

/**
 * Agenda control: only an item the community's party organisation has accepted goes on a
 * meeting. The item is taken with a conditional update, so two meetings cannot both have it.
 */
export async function scheduleItem(ctx: AppContext, actor: Actor, meetingId: string, agendaItemId: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, meetingId);
    if (m.state !== 'draft' && m.state !== 'noticed') throw new DomainError('meeting.badState', 409, { state: m.state });
    const [item] = await tx.select().from(agendaItem).where(eq(agendaItem.id, agendaItemId));
    // The item must lie under the meeting's node: a community's meeting takes its own community's items.
    if (!item || !item.path.startsWith(m.path) && !m.path.startsWith(item.path)) throw notFound('agendaItem', agendaItemId);
    const [taken] = await tx.update(agendaItem).set({ state: 'scheduled', meetingId, updatedAt: new Date() })
      .where(and(eq(agendaItem.id, agendaItemId), eq(agendaItem.state, 'accepted'))).returning();
    if (!taken) throw new DomainError('agenda.notAccepted', 409, { state: item.state });
    const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${meetingItem.position}), 0)::int + 1` }).from(meetingItem).where(eq(meetingItem.meetingId, meetingId)) as [{ next: number }];
    const [mi] = await tx.insert(meetingItem).values({ meetingId, agendaItemId, position: next })
      .onConflictDoUpdate({ target: [meetingItem.meetingId, meetingItem.agendaItemId], set: { position: next } }).returning();
    await audit(tx, actor, { action: 'meeting.schedule', targetType: 'meeting', targetId: meetingId, territoryId: m.territoryId, after: { agendaItemId, meetingItemId: mi!.id, position: next } });
    return meetingId;
  });
}
