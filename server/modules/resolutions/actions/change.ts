import type { AppContext } from '../../../core/context.ts';
import { DomainError, forbidden } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import type { resolution } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { lockResolution, visibleResolution } from '../queries.ts';

type Resolution = typeof resolution.$inferSelect;

/**
 * A change by the resolution's managers: 404 when the caller does not see it, 403 when they may not
 * manage it, then `run` in one transaction on the row locked, refused with 409 unless its state is
 * one of `states`.
 */
export async function changeResolution<T>(ctx: AppContext, actor: Actor, id: string, states: readonly Resolution['state'][], run: (tx: Db, r: Resolution) => Promise<T>): Promise<T> {
  const seen = await visibleResolution(ctx.db, actor, id);
  if (!canAt(actor, 'resolution.manage', seen.r.path)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const r = (await lockResolution(tx, id))!;
    if (!states.includes(r.state)) throw new DomainError('resolution.wrongState', 409, { state: r.state });
    return run(tx, r);
  });
}
