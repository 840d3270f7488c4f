import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { service } from '../../../db/schema/members.ts';
import { nodeInSight } from '../../territory/queries.ts';
import { presentService } from '../presenters.ts';

export interface ServiceInput {
  territoryId: string;
  category: string;
  title: string;
  description?: string;
  place?: string;
}

/** A community adds a service to its catalogue (服务社区目录). */
export async function createService(ctx: AppContext, actor: Actor, input: ServiceInput) {
  return ctx.db.transaction(async (tx) => {
    const node = await nodeInSight(tx, actor, 'service.write', input.territoryId);
    if (node.kind !== 'neighborhood' && node.kind !== 'village') throw invalid('territoryId', 'activity.notCommunity');
    if (node.retired) throw invalid('territoryId', 'territory.retired');
    const [created] = await tx.insert(service).values({ ...input, description: input.description ?? '', place: input.place ?? '' }).returning();
    await audit(tx, actor, { action: 'service.create', targetType: 'service', targetId: created!.id, territoryId: node.id, after: created });
    return presentService(created!, node.name);
  });
}
