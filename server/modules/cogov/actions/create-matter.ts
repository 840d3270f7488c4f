import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { invalid, notFound } from '../../../core/errors.ts';
import { type Actor, canAt, grantsFor } from '../../../core/policy.ts';
import { cogovMatter } from '../../../db/schema/deliberation.ts';
import { territory } from '../../../db/schema/territory.ts';
import { idsOfPath } from '../../territory/rules.ts';
import '../messages.ts';

export interface MatterInput {
  title: string;
  description?: string;
  territoryId?: string;
}

/** A co-governance matter of a community (or a street), waiting for its proposal. */
export async function createMatter(ctx: AppContext, actor: Actor, input: MatterInput): Promise<string> {
  const grants = grantsFor(actor, 'cogov.manage');
  const territoryId = input.territoryId ?? (grants.length === 1 ? grants[0]!.territoryId : undefined);
  if (!territoryId) throw invalid('territoryId', 'cogov.placeRequired');
  return ctx.db.transaction(async (tx) => {
    const [node] = await tx.select({ id: territory.id, path: territory.path }).from(territory).where(eq(territory.id, territoryId));
    if (!node || !canAt(actor, 'cogov.manage', node.path)) throw notFound('territory', territoryId);
    const [m] = await tx.insert(cogovMatter).values({
      districtId: idsOfPath(node.path)[0]!, territoryId: node.id, path: node.path, title: input.title, description: input.description ?? '', createdBy: actor.accountId,
    }).returning();
    await audit(tx, actor, { action: 'cogov.create', targetType: 'cogov_matter', targetId: m!.id, territoryId: node.id, after: m });
    return m!.id;
  });
}
