import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { agendaItem, meetingItem, meetingParticipant, meetingVote } from '../../../db/schema/deliberation.ts';
import { managedMeeting } from '../queries.ts';
import { adopted, quorumOf } from '../rules.ts';
import '../messages.ts';

type Choice = 'for' | 'against' | 'abstain';
export type DecisionInput =
  | { method: 'show_of_hands'; votes: { participantId: string; choice: Choice }[] }
  | { method: 'secret_ballot'; for: number; against: number; abstain: number };

/**
 * Records the decision on one item: refused without a quorum; a show of hands by name, one vote
 * per present voting participant; a secret ballot as counts no larger than those present. The
 * item is claimed with a conditional update, so of two clerks deciding at once one wins.
 */
export async function decideItem(ctx: AppContext, actor: Actor, id: string, meetingItemId: string, input: DecisionInput): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, id);
    if (m.state !== 'in_progress') throw new DomainError('meeting.badState', 409, { state: m.state });
    const [mi] = await tx.select().from(meetingItem).where(and(eq(meetingItem.id, meetingItemId), eq(meetingItem.meetingId, id)));
    if (!mi) throw notFound('meetingItem', meetingItemId);
    if (mi.outcome) throw new DomainError('meeting.itemDecided', 409);
    const participants = await tx.select().from(meetingParticipant).where(eq(meetingParticipant.meetingId, id));
    const quorum = quorumOf(participants, m.quorum);
    if (!quorum.met) throw new DomainError('meeting.quorumNotMet', 409, { present: quorum.present, required: quorum.required });
    const presentIds = new Set(participants.filter((p) => p.voting && p.signedInAt).map((p) => p.id));

    let counts: Record<Choice, number>;
    if (input.method === 'show_of_hands') {
      const named = new Set(input.votes.map((v) => v.participantId));
      const exact = named.size === input.votes.length && named.size === presentIds.size && [...named].every((p) => presentIds.has(p));
      if (!exact) throw invalid('votes', 'meeting.votesMismatch');
      counts = { for: 0, against: 0, abstain: 0 };
      for (const v of input.votes) counts[v.choice]++;
    } else {
      counts = { for: input.for, against: input.against, abstain: input.abstain };
      const total = counts.for + counts.against + counts.abstain;
      if (total > quorum.present) throw invalid('for', 'meeting.countsExceedPresent', { total, present: quorum.present });
    }
    const outcome = adopted(m.kind, counts.for, quorum.present) ? 'adopted' as const : 'rejected' as const;
    const [won] = await tx.update(meetingItem).set({
      method: input.method, votesFor: counts.for, votesAgainst: counts.against, votesAbstain: counts.abstain, outcome, decidedAt: new Date(),
    }).where(and(eq(meetingItem.id, meetingItemId), isNull(meetingItem.outcome))).returning();
    if (!won) throw new DomainError('meeting.itemDecided', 409);
    if (input.method === 'show_of_hands') {
      await tx.insert(meetingVote).values(input.votes.map((v) => ({ meetingItemId, participantId: v.participantId, choice: v.choice })));
    }
    await tx.update(agendaItem).set({ state: 'decided', updatedAt: new Date() }).where(eq(agendaItem.id, mi.agendaItemId));
    await audit(tx, actor, {
      action: 'meeting.decide', targetType: 'meeting', targetId: id, territoryId: m.territoryId,
      after: { meetingItemId, agendaItemId: mi.agendaItemId, method: input.method, ...counts, present: quorum.present, outcome },
    });
    return id;
  });
}
