import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { agendaItem, meeting, meetingParticipant } from '../../../db/schema/deliberation.ts';
import { accountsOfPeople } from '../../agenda/notices.ts';
import { notify } from '../../notifications/notify.ts';
import { managedMeeting } from '../queries.ts';
import '../messages.ts';

/** Calls a meeting off before it starts: its items return to the accepted ones; those noticed are told why. */
export async function cancelMeeting(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, id);
    const [after] = await tx.update(meeting).set({ state: 'cancelled', summary: reason })
      .where(and(eq(meeting.id, id), inArray(meeting.state, ['draft', 'noticed']))).returning();
    if (!after) throw new DomainError('meeting.badState', 409, { state: m.state });
    await tx.update(agendaItem).set({ state: 'accepted', meetingId: null, updatedAt: new Date() })
      .where(and(eq(agendaItem.meetingId, id), eq(agendaItem.state, 'scheduled')));
    if (m.state === 'noticed') {
      const participants = await tx.select({ personId: meetingParticipant.personId }).from(meetingParticipant).where(eq(meetingParticipant.meetingId, id));
      await notify(tx, await accountsOfPeople(tx, participants.map((p) => p.personId)), {
        kind: 'meeting.cancelled', title: `会议取消：${m.title}`, body: reason, link: `/m/meetings/${id}`, params: { meetingId: id, title: m.title, reason },
      });
    }
    await audit(tx, actor, { action: 'meeting.cancel', targetType: 'meeting', targetId: id, territoryId: m.territoryId, before: { state: m.state }, after: { state: 'cancelled', reason } });
    return id;
  });
}
