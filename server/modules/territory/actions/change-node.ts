import { and, eq, like, sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid } from '../../../core/errors.ts';
import { type Actor, likePrefix } from '../../../core/policy.ts';
import { territory } from '../../../db/schema/territory.ts';
import { followMove } from '../../demands/follow-move.ts';
import { nodeInSight } from '../queries.ts';
import { canContain, childPath } from '../rules.ts';

export async function renameNode(ctx: AppContext, actor: Actor, id: string, name: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await nodeInSight(tx, actor, 'territory.write', id);
    const [after] = await tx.update(territory).set({ name, updatedAt: new Date() }).where(eq(territory.id, id)).returning();
    await audit(tx, actor, { action: 'territory.rename', targetType: 'territory', targetId: id, territoryId: id, before: { name: before.name }, after: { name } });
    return after!;
  });
}

/** Re-hangs a node and its whole subtree: one statement rewrites every descendant's path. */
export async function moveNode(ctx: AppContext, actor: Actor, id: string, parentId: string) {
  return ctx.db.transaction(async (tx) => {
    const node = await nodeInSight(tx, actor, 'territory.write', id);
    if (!node.parentId) throw new DomainError('territory.root', 422);
    const parent = await nodeInSight(tx, actor, 'territory.write', parentId);
    if (parent.path.startsWith(node.path)) throw invalid('parentId', 'territory.cycle');
    if (parent.retired) throw invalid('parentId', 'territory.retired');
    if (!canContain(parent.kind, node.kind)) {
      throw new DomainError('validation', 422, {}, [{ field: 'parentId', code: 'territory.badParent', params: { kind: node.kind, parentKind: parent.kind } }]);
    }
    const newPath = childPath(parent.path, node.id);
    const depthDelta = parent.depth + 1 - node.depth;
    await tx
      .update(territory)
      .set({
        path: sql`${newPath} || substr(${territory.path}, ${node.path.length + 1})`,
        depth: sql`${territory.depth} + ${depthDelta}`,
        updatedAt: new Date(),
      })
      .where(like(territory.path, likePrefix(node.path)));
    await followMove(tx, node.path, newPath, parent.path);
    const [after] = await tx.update(territory).set({ parentId: parent.id }).where(eq(territory.id, id)).returning();
    await audit(tx, actor, {
      action: 'territory.move', targetType: 'territory', targetId: id, territoryId: id,
      before: { parentId: node.parentId }, after: { parentId: parent.id },
    });
    return after!;
  });
}

/** Retiring keeps the node (records still point to it) but closes it to new records. */
export async function retireNode(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const node = await nodeInSight(tx, actor, 'territory.write', id);
    if (!node.parentId) throw new DomainError('territory.root', 422);
    const [active] = await tx.select({ id: territory.id }).from(territory).where(and(eq(territory.parentId, id), eq(territory.retired, false))).limit(1);
    if (active) throw new DomainError('territory.hasActiveChildren', 409);
    const [after] = await tx.update(territory).set({ retired: true, updatedAt: new Date() }).where(eq(territory.id, id)).returning();
    await audit(tx, actor, { action: 'territory.retire', targetType: 'territory', targetId: id, territoryId: id, before: { retired: node.retired }, after: { retired: true } });
    return after!;
  });
}
