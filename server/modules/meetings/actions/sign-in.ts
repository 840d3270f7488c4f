import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { meeting, meetingParticipant } from '../../../db/schema/deliberation.ts';
import { acceptsCode } from '../../activities/rules.ts';
import { managedMeeting, visibleMeetings } from '../queries.ts';
import '../messages.ts';

/** Marks one participant present; a second sign-in keeps the first time and writes nothing. */
async function markPresent(tx: Db, actor: Actor, m: typeof meeting.$inferSelect, participantId: string, method: 'qr' | 'clerk') {
  if (m.state !== 'in_progress') throw new DomainError('meeting.badState', 409, { state: m.state });
  const [done] = await tx.update(meetingParticipant).set({ signedInAt: new Date(), signInMethod: method })
    .where(and(eq(meetingParticipant.id, participantId), eq(meetingParticipant.meetingId, m.id), isNull(meetingParticipant.signedInAt))).returning();
  if (done) await audit(tx, actor, { action: 'meeting.signIn', targetType: 'meeting', targetId: m.id, territoryId: m.territoryId, after: { participantId, method } });
}

/** The clerk signs a participant in at the door. */
export async function signInByClerk(ctx: AppContext, actor: Actor, id: string, participantId: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, id);
    const [p] = await tx.select({ id: meetingParticipant.id }).from(meetingParticipant).where(and(eq(meetingParticipant.id, participantId), eq(meetingParticipant.meetingId, id)));
    if (!p) throw invalid('participantId', 'meeting.unknownParticipant');
    await markPresent(tx, actor, m, participantId, 'clerk');
    return id;
  });
}

/** A participant signs themself in with the code shown at the venue (the current or the previous one only). */
export async function checkInByCode(ctx: AppContext, actor: Actor, id: string, code: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const [m] = await tx.select().from(meeting).where(and(eq(meeting.id, id), visibleMeetings(actor)));
    if (!m) throw notFound('meeting', id);
    const [me] = actor.personId
      ? await tx.select().from(meetingParticipant).where(and(eq(meetingParticipant.meetingId, id), eq(meetingParticipant.personId, actor.personId)))
      : [];
    if (!me) throw new DomainError('meeting.notParticipant', 403);
    if (m.state !== 'in_progress') throw new DomainError('meeting.badState', 409, { state: m.state });
    if (!acceptsCode(m.checkinSecret, m.id, code, Date.now())) throw invalid('code', 'meeting.badCode');
    await markPresent(tx, actor, m, me.id, 'qr');
    return id;
  });
}
