import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { estate, voteMatter } from '../../../db/schema/voting.ts';
import '../messages.ts';
import { votingPolicy as P } from '../policy.ts';
import { estateFigures, matterFor } from '../queries.ts';
import { shanghaiMinute } from '../rules.ts';

/** Puts a draft matter to the vote; the register is fixed from here on. */
export async function openMatter(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const { m, e } = await matterFor(tx, actor, P['voting.manage'], id);
    // Waits for a register import of the same estate to finish, so the vote opens on a whole register.
    await tx.select({ id: estate.id }).from(estate).where(eq(estate.id, e.id)).for('update');
    if ((await estateFigures(tx, e.id)).owners === 0) throw new DomainError('voting.noOwners', 409);
    if (m.closesAt && m.closesAt <= new Date()) throw new DomainError('voting.closesAtPassed', 409, { matterId: id, closesAt: shanghaiMinute(m.closesAt) });
    const [after] = await tx.update(voteMatter).set({ state: 'open', opensAt: new Date() })
      .where(and(eq(voteMatter.id, id), eq(voteMatter.state, 'draft'))).returning();
    if (!after) throw new DomainError('voting.notDraft', 409, { matterId: id });
    await audit(tx, actor, { action: 'voteMatter.open', targetType: 'vote_matter', targetId: id, territoryId: e.territoryId, before: { state: m.state }, after: { state: 'open', opensAt: after.opensAt } });
    return id;
  });
}
