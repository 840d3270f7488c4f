import type { AppContext } from '../../../core/context.ts';
import { forbidden } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { audit } from '../../../core/audit.ts';
import { demandLink } from '../../../db/schema/demands.ts';
import { recordStep } from '../events.ts';
import { visibleDemand } from '../queries.ts';
import { canHandle } from '../rights.ts';

export type LinkTarget = 'agenda_item' | 'project' | 'mediation_case';

/** Records what a demand became (an agenda item, a project, a mediation case); linking twice adds nothing. */
export async function linkDemand(ctx: AppContext, actor: Actor, id: string, link: { targetType: LinkTarget; targetId: string; note?: string | null }) {
  const { d } = await visibleDemand(ctx.db, actor, id);
  if (!canHandle(actor, d)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const [added] = await tx.insert(demandLink)
      .values({ demandId: id, targetType: link.targetType, targetId: link.targetId, note: link.note ?? null, createdBy: actor.accountId })
      .onConflictDoNothing().returning({ id: demandLink.id });
    if (!added) return;
    const data = { targetType: link.targetType, targetId: link.targetId };
    await recordStep(tx, id, actor, { action: 'link', note: link.note ?? null, data });
    await audit(tx, actor, { action: 'demand.link', targetType: 'demand', targetId: id, territoryId: d.territoryId, after: data });
  });
  return id;
}
