import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/policy.ts';
import { open311Key } from '../../../db/schema/demands.ts';
import { type KeyOut, visibleKey } from '../keys.ts';

/**
 * Revokes a key at once: the next request with it is refused. Revoking a revoked key changes
 * nothing (a double click, a retry), so it is audited once.
 */
export async function revokeKey(ctx: AppContext, actor: Actor, id: string): Promise<KeyOut> {
  await ctx.db.transaction(async (tx) => {
    const { out } = await visibleKey(tx, actor, id);
    const [row] = await tx.update(open311Key).set({ revokedAt: new Date() })
      .where(and(eq(open311Key.id, id), isNull(open311Key.revokedAt))).returning();
    if (!row) return;
    await audit(tx, actor, {
      action: 'open311.key.revoke', targetType: 'open311_key', targetId: id, territoryId: out.territory.id,
      before: { revokedAt: null }, after: { revokedAt: row.revokedAt!.toISOString() },
    });
  });
  return (await visibleKey(ctx.db, actor, id)).out;
}
