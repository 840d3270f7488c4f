import { and, eq, inArray, isNull } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { agendaItem, meeting, meetingItem, meetingParticipant } from '../../../db/schema/deliberation.ts';
import { accountsOfPeople } from '../../agenda/notices.ts';
import { notify } from '../../notifications/notify.ts';
import { managedMeeting } from '../queries.ts';
import '../messages.ts';

/**
 * Ends the meeting: items left undecided go back to the accepted ones for a later meeting;
 * participants and the proposers of decided items are told the outcome is on record.
 */
export async function closeMeeting(ctx: AppContext, actor: Actor, id: string, summary?: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, id);
    const [after] = await tx.update(meeting).set({ state: 'closed', closedAt: new Date(), summary: summary?.trim() || m.summary })
      .where(and(eq(meeting.id, id), eq(meeting.state, 'in_progress'))).returning();
    if (!after) throw new DomainError('meeting.badState', 409, { state: m.state });
    const undecided = await tx.select({ agendaItemId: meetingItem.agendaItemId }).from(meetingItem).where(and(eq(meetingItem.meetingId, id), isNull(meetingItem.outcome)));
    if (undecided.length) {
      await tx.update(agendaItem).set({ state: 'accepted', meetingId: null, updatedAt: new Date() })
        .where(and(inArray(agendaItem.id, undecided.map((u) => u.agendaItemId)), eq(agendaItem.state, 'scheduled')));
    }
    const participants = await tx.select({ personId: meetingParticipant.personId }).from(meetingParticipant).where(eq(meetingParticipant.meetingId, id));
    const proposers = await tx.select({ personId: agendaItem.proposerPersonId, accountId: agendaItem.proposedBy }).from(agendaItem)
      .where(and(eq(agendaItem.meetingId, id), eq(agendaItem.state, 'decided')));
    const accounts = [...(await accountsOfPeople(tx, [...participants, ...proposers].map((p) => p.personId))), ...proposers.map((p) => p.accountId)];
    await notify(tx, accounts, { kind: 'meeting.closed', title: `会议已结束：${m.title}，表决结果已记录`, link: `/m/meetings/${id}`, params: { meetingId: id, title: m.title } });
    await audit(tx, actor, {
      action: 'meeting.close', targetType: 'meeting', targetId: id, territoryId: m.territoryId,
      before: { state: 'in_progress' }, after: { state: 'closed', summary: after.summary, returnedItems: undecided.map((u) => u.agendaItemId) },
    });
    return id;
  });
}
