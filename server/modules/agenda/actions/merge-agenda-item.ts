import { and, eq, inArray, ne } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { agendaItem } from '../../../db/schema/deliberation.ts';
import { tellProposer } from '../notices.ts';
import { agendaItemById } from '../queries.ts';
import { MERGE_TARGET_STATES, isStaffAt } from '../rules.ts';
import '../messages.ts';

/**
 * Two residents asking the same thing make one item: the proposal joins another of the same
 * community that is still going somewhere, and its proposer is told where it went.
 */
export async function mergeAgendaItem(ctx: AppContext, actor: Actor, id: string, intoId: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const before = await agendaItemById(tx, id);
    if (!isStaffAt(actor, 'agenda.review', before.path)) throw notFound('agendaItem', id);
    // The target is locked so it cannot be merged away or withdrawn while this one joins it.
    const [into] = await tx.select().from(agendaItem)
      .where(and(eq(agendaItem.id, intoId), ne(agendaItem.id, id), eq(agendaItem.territoryId, before.territoryId), inArray(agendaItem.state, MERGE_TARGET_STATES)))
      .for('update');
    if (!into) throw invalid('intoId', 'agenda.badMergeTarget');
    const now = new Date();
    const [after] = await tx.update(agendaItem).set({ state: 'merged', mergedIntoId: intoId, reviewedBy: actor.accountId, reviewedAt: now, updatedAt: now })
      .where(and(eq(agendaItem.id, id), eq(agendaItem.state, 'proposed'))).returning();
    if (!after) throw new DomainError('agenda.notProposed', 409, { state: before.state });
    await tellProposer(tx, after, 'agenda.merged', `您提出的议题「${after.title}」已并入议题「${into.title}」`, { intoId, intoTitle: into.title });
    await audit(tx, actor, { action: 'agenda.merge', targetType: 'agenda_item', targetId: id, territoryId: after.territoryId, before: { state: before.state }, after: { state: 'merged', mergedIntoId: intoId } });
    return id;
  });
}
