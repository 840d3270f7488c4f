import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { invalid, notFound } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { charter, charterVersion } from '../../../db/schema/deliberation.ts';
import { territory } from '../../../db/schema/territory.ts';
import { estate } from '../../../db/schema/voting.ts';
import { idsOfPath } from '../../territory/rules.ts';
import '../messages.ts';
import { chartersPolicy as P } from '../policy.ts';

export interface NewCharter {
  territoryId: string;
  /** An estate's charter (管理规约, 业主大会议事规则) sits on the estate's node. */
  estateId?: string | null;
  kind: (typeof charter.$inferSelect)['kind'];
  title: string;
  text: string;
}

const COMMUNITY_NODES = ['neighborhood', 'village'];

/** Starts a charter with its first draft (version 1). */
export async function createCharter(ctx: AppContext, actor: Actor, input: NewCharter) {
  return ctx.db.transaction(async (tx) => {
    const [node] = await tx.select().from(territory).where(eq(territory.id, input.territoryId));
    if (!node || !canAt(actor, P['charter.manage'], node.path)) throw notFound('territory', input.territoryId);
    if (input.estateId) {
      const [e] = await tx.select({ territoryId: estate.territoryId, path: territory.path }).from(estate)
        .innerJoin(territory, eq(territory.id, estate.territoryId)).where(eq(estate.id, input.estateId));
      if (!e || !e.path.startsWith(node.path)) throw invalid('estateId', 'charter.estateOutside');
    } else if (!COMMUNITY_NODES.includes(node.kind)) {
      throw invalid('territoryId', 'charter.node');
    }
    const [c] = await tx.insert(charter).values({
      districtId: idsOfPath(node.path)[0]!, territoryId: node.id, path: node.path, estateId: input.estateId ?? null,
      kind: input.kind, title: input.title, createdBy: actor.accountId,
    }).returning();
    const [v] = await tx.insert(charterVersion).values({ charterId: c!.id, version: 1, text: input.text, createdBy: actor.accountId }).returning();
    await audit(tx, actor, { action: 'charter.create', targetType: 'charter', targetId: c!.id, territoryId: node.id, after: { kind: c!.kind, title: c!.title, estateId: c!.estateId, versionId: v!.id } });
    return c!.id;
  });
}
