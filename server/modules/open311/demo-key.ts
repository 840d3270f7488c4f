import { eq } from 'drizzle-orm';
import { audit } from '../../core/audit.ts';
import type { Db } from '../../db/client.ts';
import { open311Key } from '../../db/schema/demands.ts';
import { territory } from '../../db/schema/territory.ts';
import { hashOfKey, hintOf } from './keys.ts';

export const DEMO_OPEN311_KEY = 'demo-open311-key';
const LONGTAN = '310117001001';

/** The demo's published key, tied to 龙潭社区, so an Open311 client can be tried at once. */
export async function ensureDemoOpen311Key(db: Db) {
  const [node] = await db.select({ id: territory.id }).from(territory).where(eq(territory.code, LONGTAN));
  if (!node) return;
  const [row] = await db.insert(open311Key)
    .values({ name: '演示客户端', keyHash: hashOfKey(DEMO_OPEN311_KEY), keyHint: hintOf(DEMO_OPEN311_KEY), territoryId: node.id })
    .onConflictDoNothing().returning();
  if (row) {
    await audit(db, { system: 'demo-loader' }, {
      action: 'open311.key.issue', targetType: 'open311_key', targetId: row.id, territoryId: node.id, after: { name: row.name, keyHint: row.keyHint },
    });
  }
}
