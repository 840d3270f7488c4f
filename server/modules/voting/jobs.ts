import { and, eq, lte } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { estate, voteMatter } from '../../db/schema/voting.ts';
import { territory } from '../../db/schema/territory.ts';
import { freezeResult } from './actions/close-matter.ts';
import { sealLegacyReceipts } from './receipts.ts';

const TIMER = { system: 'vote-timer' } as const;

/**
 * What the voting timer does every minute, on every instance: closes each open matter whose
 * closing time has passed exactly as a manual close does, and seals receipt codes still stored
 * readable. Each matter is closed in a transaction of its own that locks it (`skip locked`:
 * another instance has it) and re-reads the condition, so it closes once however many run.
 */
export async function runVotingJobs(ctx: AppContext, now = new Date()): Promise<{ closed: number; sealed: number }> {
  const sealed = await sealLegacyReceipts(ctx.db, ctx.pii);
  const due = and(eq(voteMatter.state, 'open'), lte(voteMatter.closesAt, now))!;
  const candidates = await ctx.db.select({ id: voteMatter.id }).from(voteMatter).where(due);
  let closed = 0;
  const failed: string[] = [];
  for (const { id } of candidates) {
    try {
      const done = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.select({ m: voteMatter, e: estate, path: territory.path })
          .from(voteMatter).innerJoin(estate, eq(estate.id, voteMatter.estateId)).innerJoin(territory, eq(territory.id, estate.territoryId))
          .where(and(eq(voteMatter.id, id), due)).for('update', { of: voteMatter, skipLocked: true });
        return row ? freezeResult(tx, TIMER, row.m, row.e, row.path, 'closesAt') : false;
      });
      if (done) closed++;
    } catch (err) {
      failed.push(`${id}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  // A matter that fails does not hold up the others; the run reports the failures at its end.
  if (failed.length) throw new Error(`voting jobs: ${failed.length} matter(s) failed, first ${failed[0]}`);
  return { closed, sealed };
}
