import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { agendaItem } from '../../../db/schema/deliberation.ts';
import { tellProposer } from '../notices.ts';
import { agendaItemById } from '../queries.ts';
import { isStaffAt } from '../rules.ts';
import '../messages.ts';

export type Review = { accept: true } | { accept: false; reason: string };

/**
 * The community's party organisation decides whether a proposal goes on: accepted, it may be put
 * on a meeting; returned, the proposer reads why. Of two reviewers at once exactly one wins.
 */
export async function reviewAgendaItem(ctx: AppContext, actor: Actor, id: string, review: Review): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const before = await agendaItemById(tx, id);
    if (!isStaffAt(actor, 'agenda.review', before.path)) throw notFound('agendaItem', id);
    const now = new Date();
    const next = review.accept
      ? { state: 'accepted' as const, reason: null }
      : { state: 'returned' as const, reason: review.reason };
    const [after] = await tx.update(agendaItem).set({ ...next, reviewedBy: actor.accountId, reviewedAt: now, updatedAt: now })
      .where(and(eq(agendaItem.id, id), eq(agendaItem.state, 'proposed'))).returning();
    if (!after) throw new DomainError('agenda.notProposed', 409, { state: before.state });
    await tellProposer(tx, after, review.accept ? 'agenda.accepted' : 'agenda.returned',
      review.accept ? `您提出的议题「${after.title}」已被采纳` : `您提出的议题「${after.title}」被退回：${review.reason}`,
      review.accept ? {} : { reason: review.reason });
    await audit(tx, actor, { action: review.accept ? 'agenda.accept' : 'agenda.return', targetType: 'agenda_item', targetId: id, territoryId: after.territoryId, before: { state: before.state }, after: next });
    return id;
  });
}
