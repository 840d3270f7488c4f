import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';

/**
 * Runs a bulk load in one transaction with row triggers off (`session_replication_role =
 * replica`): the generator writes rows consistent by construction, so the foreign-key checks —
 * several index probes per row, millions of rows — would only slow it down. Where the role may
 * not change that setting, the load simply runs with the checks on.
 */
export async function bulk(db: Db, load: (tx: Db) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`savepoint bench_replica`);
    try {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`release savepoint bench_replica`);
    } catch {
      await tx.execute(sql`rollback to savepoint bench_replica`);
    }
    await load(tx);
  });
}

/** Logs how long each step of a generator took, for the run's output. */
export function stepper(what: string) {
  let t = performance.now();
  return (step: string) => {
    console.log(`  ${what}: ${step} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
  };
}
