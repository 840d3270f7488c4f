import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { meetingItem, meetingParticipant, minutesEntry } from '../../../db/schema/deliberation.ts';
import { managedMeeting } from '../queries.ts';
import '../messages.ts';

export interface NewMinutes {
  opinion: string;
  meetingItemId?: string;
  participantId?: string;
  speaker?: string;
}

/** One entry of the structured minutes: who spoke, on which item, what they said, in order. */
export async function addMinutes(ctx: AppContext, actor: Actor, id: string, input: NewMinutes): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, id);
    if (m.state !== 'in_progress') throw new DomainError('meeting.badState', 409, { state: m.state });
    if (input.meetingItemId) {
      const [mi] = await tx.select({ id: meetingItem.id }).from(meetingItem).where(and(eq(meetingItem.id, input.meetingItemId), eq(meetingItem.meetingId, id)));
      if (!mi) throw invalid('meetingItemId', 'meeting.unknownItem');
    }
    let speaker = input.speaker?.trim() ?? '';
    if (input.participantId) {
      const [p] = await tx.select({ name: meetingParticipant.name }).from(meetingParticipant).where(and(eq(meetingParticipant.id, input.participantId), eq(meetingParticipant.meetingId, id)));
      if (!p) throw invalid('participantId', 'meeting.unknownParticipant');
      speaker ||= p.name;
    }
    if (!speaker) throw invalid('speaker', 'meeting.speakerRequired');
    // The meeting row is locked above, so positions are handed out one at a time.
    const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${minutesEntry.position}), 0)::int + 1` }).from(minutesEntry).where(eq(minutesEntry.meetingId, id)) as [{ next: number }];
    const [row] = await tx.insert(minutesEntry).values({
      meetingId: id, meetingItemId: input.meetingItemId ?? null, participantId: input.participantId ?? null, speaker, opinion: input.opinion, position: next,
    }).returning();
    await audit(tx, actor, { action: 'meeting.minutes', targetType: 'meeting', targetId: id, territoryId: m.territoryId, after: { entryId: row!.id, meetingItemId: row!.meetingItemId, speaker, opinion: input.opinion } });
    return id;
  });
}
