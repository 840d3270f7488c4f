import { and, eq, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { ballot } from '../../../db/schema/voting.ts';
import '../messages.ts';
import { votingPolicy as P } from '../policy.ts';
import { matterFor, ownerOf } from '../queries.ts';
import type { Choice } from '../tally.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 10 base32 characters (50 random bits): short enough to copy from a phone, too many to guess. */
export function newReceipt(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => BASE32[b & 31]).join('');
}

export const receiptHash = (receipt: string) => createHash('sha256').update(receipt).digest('hex');

/**
 * An owner casts their ballot, or changes it while the vote is open if the estate's rules allow.
 * One ballot per owner per matter: the unique index turns ten simultaneous submissions into one
 * ballot. The matter is share-locked so closing waits for ballots in flight. The audit trail
 * records that a ballot was cast and its receipt's hash, never the choice: the ballot is secret.
 */
export async function castBallot(ctx: AppContext, actor: Actor, matterId: string, choice: Choice) {
  return ctx.db.transaction(async (tx) => {
    const { m, e } = await matterFor(tx, actor, P['voting.vote'], matterId, 'share');
    const owner = await ownerOf(tx, actor, e.id);
    if (!owner) throw new DomainError('voting.notOwner', 403);
    if (m.state !== 'open') throw new DomainError('voting.notOpen', 409, { matterId });
    const now = new Date();
    const insert = tx.insert(ballot).values({ matterId, ownerId: owner.id, choice, receipt: newReceipt(), castBy: actor.accountId, castAt: now, updatedAt: now });
    const [b] = e.ballotsChangeable
      ? await insert.onConflictDoUpdate({
        target: [ballot.matterId, ballot.ownerId],
        set: { choice, castBy: actor.accountId, updatedAt: now, changes: sql`${ballot.changes} + 1` },
      }).returning()
      : await insert.onConflictDoNothing({ target: [ballot.matterId, ballot.ownerId] }).returning();
    if (!b) {
      const [mine] = await tx.select().from(ballot).where(and(eq(ballot.matterId, matterId), eq(ballot.ownerId, owner.id)));
      if (mine?.choice === choice) return mine;
      throw new DomainError('voting.ballotFinal', 409, { matterId });
    }
    await audit(tx, actor, {
      action: b.changes === 0 ? 'ballot.cast' : 'ballot.change', targetType: 'vote_matter', targetId: matterId, territoryId: e.territoryId,
      after: { receiptHash: receiptHash(b.receipt), changes: b.changes },
    });
    return b;
  });
}
