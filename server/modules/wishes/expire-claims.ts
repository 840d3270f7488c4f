import { sql } from 'drizzle-orm';
import { audit } from '../../core/audit.ts';
import type { Db } from '../../db/client.ts';

/**
 * Claims not fulfilled in time go back to open. One statement does it, skipping rows another
 * instance holds, so any number of servers may run it at once without reopening a wish twice.
 */
export async function expireStaleClaims(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`
      with stale as (
        select id, claimed_by, claim_expires_at from wish
        where state = 'claimed' and claim_expires_at < now()
        for update skip locked
      )
      update wish w set state = 'open', claimed_by = null, claimed_at = null, claim_expires_at = null
      from stale where w.id = stale.id and w.state = 'claimed'
      returning w.id, w.territory_id, stale.claimed_by, stale.claim_expires_at`);
    const rows = (res as unknown as { rows: { id: string; territory_id: string; claimed_by: string; claim_expires_at: unknown }[] }).rows;
    for (const r of rows) {
      await audit(tx, { system: 'wish-claim-expiry' }, {
        action: 'wish.claimExpired', targetType: 'wish', targetId: r.id, territoryId: r.territory_id,
        before: { state: 'claimed', claimedBy: r.claimed_by, claimExpiresAt: r.claim_expires_at }, after: { state: 'open' },
      });
    }
    return rows.length;
  });
}
