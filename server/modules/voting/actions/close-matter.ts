import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { voteMatter } from '../../../db/schema/voting.ts';
import '../messages.ts';
import { votingPolicy as P } from '../policy.ts';
import { countVotes, matterFor } from '../queries.ts';
import { tallyVote } from '../tally.ts';

/**
 * Ends the vote and freezes the tally into the matter. The matter row is locked first, so a
 * ballot still being cast either lands before the count or finds the vote closed.
 */
export async function closeMatter(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const { m, e } = await matterFor(tx, actor, P['voting.manage'], id, 'update');
    if (m.state !== 'open') throw new DomainError('voting.notOpen', 409, { matterId: id });
    const result = tallyVote(m.kind, await countVotes(tx, e.id, id));
    await tx.update(voteMatter).set({ state: 'closed', closedAt: new Date(), result: { ...result } })
      .where(and(eq(voteMatter.id, id), eq(voteMatter.state, 'open')));
    await audit(tx, actor, {
      action: 'voteMatter.close', targetType: 'vote_matter', targetId: id, territoryId: e.territoryId,
      before: { state: 'open' }, after: { state: 'closed', verdict: result.verdict, participatingOwners: result.participatingOwners, forOwners: result.forOwners },
    });
    return id;
  });
}
