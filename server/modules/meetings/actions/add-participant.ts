import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { body } from '../../../db/schema/bodies.ts';
import { meetingParticipant } from '../../../db/schema/deliberation.ts';
import { person } from '../../../db/schema/people.ts';
import { territory } from '../../../db/schema/territory.ts';
import { managedMeeting } from '../queries.ts';
import { type Capacity, FOUR_BODIES, defaultVoting, fourBodyOf } from '../rules.ts';
import { shanghaiTime } from '../../activities/rules.ts';
import { accountsOfPeople } from '../../agenda/notices.ts';
import { communityPathOf } from '../../agenda/rules.ts';
import { notify } from '../../notifications/notify.ts';
import '../messages.ts';

export interface NewParticipant {
  personId?: string;
  name?: string;
  bodyId?: string;
  capacity: Capacity;
  voting?: boolean;
}

/**
 * Puts someone on the list, for a body and in a capacity: a person on file (of the meeting's
 * street, as a street's meeting may invite a unit's people), or a guest by name.
 */
export async function addParticipant(ctx: AppContext, actor: Actor, meetingId: string, input: NewParticipant): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, meetingId);
    if (m.state !== 'draft' && m.state !== 'noticed') throw new DomainError('meeting.badState', 409, { state: m.state });
    let name = input.name?.trim() ?? '';
    if (input.personId) {
      const [p] = await tx.select({ name: person.name, path: territory.path }).from(person).innerJoin(territory, eq(territory.id, person.territoryId)).where(eq(person.id, input.personId));
      // A community's meeting invites people of its street; a street's, people of the street.
      const reach = communityPathOf(m.path).split('/').filter(Boolean).slice(0, 2).join('/');
      if (!p || !p.path.startsWith(`/${reach}/`)) throw invalid('personId', 'meeting.unknownPerson');
      name = p.name;
    }
    if (!name) throw invalid('name', 'meeting.nameRequired');
    if (input.personId) {
      const [dup] = await tx.select({ id: meetingParticipant.id }).from(meetingParticipant)
        .where(and(eq(meetingParticipant.meetingId, meetingId), eq(meetingParticipant.personId, input.personId)));
      if (dup) throw new DomainError('meeting.alreadyParticipant', 409);
    }
    const forBody = (FOUR_BODIES as readonly string[]).includes(input.capacity);
    if (input.bodyId || forBody) {
      // Sitting for one of the four bodies means sitting for such a body of this community.
      if (!input.bodyId) throw invalid('bodyId', 'meeting.unknownBody');
      const [b] = await tx.select({ kind: body.kind, path: territory.path }).from(body).innerJoin(territory, eq(territory.id, body.territoryId)).where(eq(body.id, input.bodyId));
      if (!b || (forBody && (fourBodyOf(b.kind) !== input.capacity || !b.path.startsWith(communityPathOf(m.path))))) throw invalid('bodyId', 'meeting.unknownBody');
    }
    const [row] = await tx.insert(meetingParticipant).values({
      meetingId, personId: input.personId ?? null, name, bodyId: input.bodyId ?? null, capacity: input.capacity,
      voting: input.voting ?? defaultVoting(input.capacity),
    }).onConflictDoNothing().returning();
    if (!row) throw new DomainError('meeting.alreadyParticipant', 409);
    if (m.state === 'noticed' && row.personId) {
      // Invited after the notice went out: they get it too.
      await notify(tx, await accountsOfPeople(tx, [row.personId]), {
        kind: 'meeting.noticed', title: `会议通知：${m.title}（${shanghaiTime(m.startsAt)}）`, body: m.noticeText ?? '', link: `/m/meetings/${meetingId}`, params: { meetingId, title: m.title, startsAt: m.startsAt.toISOString() },
      });
    }
    await audit(tx, actor, {
      action: 'meeting.participant.add', targetType: 'meeting', targetId: meetingId, territoryId: m.territoryId,
      after: { participantId: row.id, personId: row.personId, bodyId: row.bodyId, capacity: row.capacity, voting: row.voting },
    });
    return meetingId;
  });
}
