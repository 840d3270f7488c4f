import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { type TerritoryKind, territory } from '../../../db/schema/territory.ts';
import { isCodeTaken } from '../code-taken.ts';
import { nodeInSight } from '../queries.ts';
import { canContain, childPath } from '../rules.ts';


export async function createNode(ctx: AppContext, actor: Actor, input: { parentId: string; name: string; kind: TerritoryKind; code?: string | undefined }) {
  try {
    return await insertNode(ctx, actor, input);
  } catch (e) {
    // Two creations of one code at once both pass the check below; the unique index refuses the second.
    if (isCodeTaken(e)) throw invalid('code', 'territory.codeTaken', { code: input.code });
    throw e;
  }
}

function insertNode(ctx: AppContext, actor: Actor, input: { parentId: string; name: string; kind: TerritoryKind; code?: string | undefined }) {
  return ctx.db.transaction(async (tx) => {
    const parent = await nodeInSight(tx, actor, 'territory.write', input.parentId);
    if (parent.retired) throw invalid('parentId', 'territory.retired');
    if (!canContain(parent.kind, input.kind)) {
      throw new DomainError('validation', 422, {}, [{ field: 'kind', code: 'territory.badParent', params: { kind: input.kind, parentKind: parent.kind } }]);
    }
    if (input.code) {
      const [taken] = await tx.select({ id: territory.id }).from(territory).where(eq(territory.code, input.code));
      if (taken) throw invalid('code', 'territory.codeTaken', { code: input.code });
    }
    const id = randomUUID();
    const [created] = await tx
      .insert(territory)
      .values({ id, parentId: parent.id, name: input.name, kind: input.kind, code: input.code ?? null, path: childPath(parent.path, id), depth: parent.depth + 1 })
      .returning();
    await audit(tx, actor, { action: 'territory.create', targetType: 'territory', targetId: id, territoryId: id, after: created });
    return created!;
  });
}
