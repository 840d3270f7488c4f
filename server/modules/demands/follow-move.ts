import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { likePrefix } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { demand } from '../../db/schema/demands.ts';
import { territory } from '../../db/schema/territory.ts';
import { idsOfPath } from '../territory/rules.ts';

/**
 * Keeps the demands of a moved subtree in step with the tree, in the move's transaction: the same
 * prefix replacement as the territories' paths, then street and community read off the new path,
 * and the grid — when it lay above the moved node — replaced by the one above its new parent.
 */
export async function followMove(tx: Db, oldPath: string, newPath: string, newParentPath: string) {
  const ancestorsBefore = idsOfPath(oldPath).slice(0, -1);
  const [gridAbove] = await tx.select({ id: territory.id }).from(territory)
    .where(and(inArray(territory.id, idsOfPath(newParentPath)), eq(territory.kind, 'grid')));
  const gridAboveId = gridAbove?.id ?? null;
  const gridLeftBehind = ancestorsBefore.length
    ? sql`(${demand.gridId} is null or ${demand.gridId} in (${sql.join(ancestorsBefore.map((id) => sql`${id}::uuid`), sql`, `)}))`
    : sql`${demand.gridId} is null`;
  await tx.update(demand)
    .set({
      path: sql`${newPath} || substr(${demand.path}, ${oldPath.length + 1})`,
      streetId: sql`split_part(${newPath} || substr(${demand.path}, ${oldPath.length + 1}), '/', 3)::uuid`,
      communityId: sql`split_part(${newPath} || substr(${demand.path}, ${oldPath.length + 1}), '/', 4)::uuid`,
      gridId: sql`case when ${gridLeftBehind} then ${gridAboveId}::uuid else ${demand.gridId} end`,
    })
    .where(like(demand.path, likePrefix(oldPath)));
}
