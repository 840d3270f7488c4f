import type { Db } from '../../db/client.ts';
import { resolution } from '../../db/schema/deliberation.ts';
import type { Node } from '../../demo/factories.ts';
import { idsOfPath } from '../territory/rules.ts';
import { publicUntilOf } from './rules.ts';

type Columns = Partial<typeof resolution.$inferInsert>;

/** A resolution at a node, a draft unless `state` says otherwise; a published one's window opens now. */
export async function makeResolution(db: Db, node: Node, set: Columns = {}) {
  const published = set.state && set.state !== 'draft';
  const publishedAt = set.publishedAt ?? (published ? new Date() : null);
  const publicDays = set.publicDays ?? 7;
  const [r] = await db.insert(resolution).values({
    districtId: idsOfPath(node.path)[0]!, territoryId: node.id, path: node.path,
    title: '加装楼道扶手', text: '由居委会牵头，在三个月内为老旧楼道加装扶手。', publicDays,
    publishedAt, publicUntil: publishedAt ? publicUntilOf(publishedAt, publicDays) : null,
    ...set,
  }).returning();
  return r!;
}
