import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { ballot } from '../../../db/schema/voting.ts';
import '../messages.ts';
import { votingPolicy as P } from '../policy.ts';
import { matterFor, ownerOf } from '../queries.ts';
import { newReceipt, openReceipt, sealReceipt } from '../receipts.ts';
import { shanghaiMinute } from '../rules.ts';
import type { Choice } from '../tally.ts';

/**
 * An owner casts their ballot, or changes it while the vote is open if the estate's rules allow.
 * One ballot per owner per matter: the unique index turns ten simultaneous submissions into one
 * ballot. The matter is share-locked so closing waits for ballots in flight. A matter past its
 * closing time takes no ballot even before the timer has closed it. The audit trail records that
 * a ballot was cast and its receipt's keyed hash, never the choice: the ballot is secret.
 * Returns the ballot with its receipt code, for the owner's eyes.
 */
export async function castBallot(ctx: AppContext, actor: Actor, matterId: string, choice: Choice, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    const { m, e } = await matterFor(tx, actor, P['voting.vote'], matterId, 'share');
    const owner = await ownerOf(tx, actor, e.id);
    if (!owner) throw new DomainError('voting.notOwner', 403);
    if (m.state !== 'open') throw new DomainError('voting.notOpen', 409, { matterId });
    if (m.closesAt && m.closesAt <= now) throw new DomainError('voting.closesAtPassed', 409, { matterId, closesAt: shanghaiMinute(m.closesAt) });
    const insert = tx.insert(ballot).values({ matterId, ownerId: owner.id, choice, ...sealReceipt(ctx.pii, newReceipt()), castBy: actor.accountId, castAt: now, updatedAt: now });
    let [b] = e.ballotsChangeable
      ? await insert.onConflictDoUpdate({
        target: [ballot.matterId, ballot.ownerId],
        set: { choice, castBy: actor.accountId, updatedAt: now, changes: sql`${ballot.changes} + 1` },
      }).returning()
      : await insert.onConflictDoNothing({ target: [ballot.matterId, ballot.ownerId] }).returning();
    if (!b) {
      const [mine] = await tx.select().from(ballot).where(and(eq(ballot.matterId, matterId), eq(ballot.ownerId, owner.id)));
      if (mine?.choice === choice) return { b: mine, receipt: openReceipt(ctx.pii, mine) };
      throw new DomainError('voting.ballotFinal', 409, { matterId });
    }
    // A ballot from before receipts were sealed is sealed as soon as its owner touches it.
    if (b.legacyReceipt) [b] = await tx.update(ballot).set(sealReceipt(ctx.pii, b.legacyReceipt)).where(eq(ballot.id, b.id)).returning();
    await audit(tx, actor, {
      action: b!.changes === 0 ? 'ballot.cast' : 'ballot.change', targetType: 'vote_matter', targetId: matterId, territoryId: e.territoryId,
      after: { receiptHash: b!.receiptHash, changes: b!.changes },
    });
    return { b: b!, receipt: openReceipt(ctx.pii, b!) };
  });
}
