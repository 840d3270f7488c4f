import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { meetingParticipant } from '../../../db/schema/deliberation.ts';
import { managedMeeting } from '../queries.ts';
import '../messages.ts';

/** Takes someone off the list before the meeting; a signed-in participant stays on the record. */
export async function removeParticipant(ctx: AppContext, actor: Actor, meetingId: string, participantId: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, meetingId);
    if (m.state !== 'draft' && m.state !== 'noticed') throw new DomainError('meeting.badState', 409, { state: m.state });
    const [gone] = await tx.delete(meetingParticipant)
      .where(and(eq(meetingParticipant.id, participantId), eq(meetingParticipant.meetingId, meetingId), isNull(meetingParticipant.signedInAt))).returning();
    if (!gone) throw notFound('participant', participantId);
    await audit(tx, actor, {
      action: 'meeting.participant.remove', targetType: 'meeting', targetId: meetingId, territoryId: m.territoryId,
      before: { participantId, personId: gone.personId, name: gone.name, capacity: gone.capacity },
    });
    return meetingId;
  });
}
