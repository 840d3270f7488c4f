import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { invalid, notFound } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { estate } from '../../../db/schema/voting.ts';
import { territory } from '../../../db/schema/territory.ts';
import { idsOfPath } from '../../territory/rules.ts';
import '../messages.ts';
import { votingPolicy as P } from '../policy.ts';

/** Nodes an estate may sit on: the community (or village) whose residents own it, or an area within one. */
const ESTATE_NODES = ['neighborhood', 'village', 'area'];

/** Sets up an estate whose owners form one owners' assembly. */
export async function createEstate(ctx: AppContext, actor: Actor, input: { territoryId: string; name: string; ballotsChangeable?: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const [node] = await tx.select().from(territory).where(eq(territory.id, input.territoryId));
    if (!node || !canAt(actor, P['voting.manage'], node.path)) throw notFound('territory', input.territoryId);
    if (!ESTATE_NODES.includes(node.kind) || node.retired) throw invalid('territoryId', 'voting.estateNode');
    const [e] = await tx.insert(estate).values({
      districtId: idsOfPath(node.path)[0]!, territoryId: node.id, name: input.name, ballotsChangeable: input.ballotsChangeable ?? true,
    }).returning();
    await audit(tx, actor, { action: 'estate.create', targetType: 'estate', targetId: e!.id, territoryId: node.id, after: { name: e!.name, ballotsChangeable: e!.ballotsChangeable } });
    return e!.id;
  });
}
