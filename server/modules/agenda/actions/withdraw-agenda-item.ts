import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { agendaItem } from '../../../db/schema/deliberation.ts';
import { agendaItemById } from '../queries.ts';
import { communityPathOf, isProposer, isStaffAt, ownCommunities } from '../rules.ts';
import '../messages.ts';

/** The proposer takes their item back while nobody has reviewed it yet. */
export async function withdrawAgendaItem(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const before = await agendaItemById(tx, id);
    // Still one's own to take back only where one may still propose.
    const stillHere = isStaffAt(actor, 'agenda.propose', before.path) || ownCommunities(actor, 'agenda.propose').includes(communityPathOf(before.path));
    if (!isProposer(actor, before) || !stillHere) throw notFound('agendaItem', id);
    const [after] = await tx.update(agendaItem).set({ state: 'withdrawn', updatedAt: new Date() })
      .where(and(eq(agendaItem.id, id), eq(agendaItem.state, 'proposed'))).returning();
    if (!after) throw new DomainError('agenda.notProposed', 409, { state: before.state });
    await audit(tx, actor, { action: 'agenda.withdraw', targetType: 'agenda_item', targetId: id, territoryId: after.territoryId, before: { state: before.state }, after: { state: 'withdrawn' } });
    return id;
  });
}
