import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { meeting, meetingParticipant } from '../../../db/schema/deliberation.ts';
import { person } from '../../../db/schema/people.ts';
import { visibleMeetings } from '../queries.ts';
import '../messages.ts';

/** A resident signs up to speak at an announced hearing until it starts; signing up twice changes nothing. */
export async function registerSpeaker(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const [m] = await tx.select().from(meeting).where(and(eq(meeting.id, id), visibleMeetings(actor)));
    if (!m) throw notFound('meeting', id);
    if (m.kind !== 'hearing') throw new DomainError('meeting.notHearing', 409);
    if (m.state !== 'noticed' || m.startsAt.getTime() <= Date.now()) throw new DomainError('meeting.registrationClosed', 409);
    if (!actor.personId) throw new DomainError('meeting.noPerson', 409);
    const [p] = await tx.select({ name: person.name }).from(person).where(eq(person.id, actor.personId));
    const [row] = await tx.insert(meetingParticipant).values({
      meetingId: id, personId: actor.personId, name: p?.name ?? actor.displayName, capacity: 'speaker', voting: false, registeredAt: new Date(),
    }).onConflictDoNothing().returning();
    if (row) {
      await audit(tx, actor, { action: 'meeting.register', targetType: 'meeting', targetId: id, territoryId: m.territoryId, after: { participantId: row.id, capacity: 'speaker' } });
    }
    return id;
  });
}
