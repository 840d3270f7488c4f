import type { AppContext } from '../../../core/context.ts';
import { forbidden } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { audit } from '../../../core/audit.ts';
import { recordStep } from '../events.ts';
import { visibleDemand } from '../queries.ts';
import { canHandle } from '../rights.ts';

/** An internal note between staff: in the history, hidden from the resident. */
export async function noteDemand(ctx: AppContext, actor: Actor, id: string, note: string) {
  const { d } = await visibleDemand(ctx.db, actor, id);
  if (!canHandle(actor, d)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    await recordStep(tx, id, actor, { action: 'note', note, public: false });
    await audit(tx, actor, { action: 'demand.note', targetType: 'demand', targetId: id, territoryId: d.territoryId, after: { note } });
  });
  return id;
}
