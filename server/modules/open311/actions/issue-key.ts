import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { open311Key } from '../../../db/schema/demands.ts';
import { territory } from '../../../db/schema/territory.ts';
import { type KeyOut, hashOfKey, hintOf, newKey, visibleKey } from '../keys.ts';

export interface NewKey {
  name: string;
  territoryId: string;
}

/**
 * Issues an Open311 key tied to a node inside the caller's grants: requests it posts land there,
 * and it reads only there. The key is returned this once; only its SHA-256 is kept.
 */
export async function issueKey(ctx: AppContext, actor: Actor, input: NewKey): Promise<KeyOut> {
  const key = newKey();
  const id = await ctx.db.transaction(async (tx) => {
    const [node] = await tx.select().from(territory).where(and(eq(territory.id, input.territoryId), eq(territory.retired, false)));
    if (!node || !canAt(actor, 'open311.keys', node.path)) throw notFound('territory', input.territoryId);
    const [row] = await tx.insert(open311Key).values({
      name: input.name, keyHash: hashOfKey(key), keyHint: hintOf(key), territoryId: node.id, createdBy: actor.accountId,
    }).returning();
    await audit(tx, actor, {
      action: 'open311.key.issue', targetType: 'open311_key', targetId: row!.id, territoryId: node.id,
      after: { name: row!.name, keyHint: row!.keyHint, territoryId: node.id },
    });
    return row!.id;
  });
  return { ...(await visibleKey(ctx.db, actor, id)).out, key };
}
