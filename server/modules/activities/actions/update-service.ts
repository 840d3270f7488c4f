import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/policy.ts';
import { service } from '../../../db/schema/members.ts';
import { presentService } from '../presenters.ts';
import { serviceInReach } from '../queries.ts';

export interface ServicePatch {
  category?: string;
  title?: string;
  description?: string;
  place?: string;
  /** Retiring keeps the entry (past activities point at it) but takes it off the catalogue. */
  retired?: boolean;
}

export async function updateService(ctx: AppContext, actor: Actor, id: string, patch: ServicePatch) {
  return ctx.db.transaction(async (tx) => {
    const { s: before, territoryName } = await serviceInReach(tx, actor, 'service.write', id);
    const { retired, ...fields } = patch;
    const retiredAt = retired === undefined ? before.retiredAt : retired ? (before.retiredAt ?? new Date()) : null;
    const [after] = await tx.update(service).set({ ...fields, retiredAt }).where(eq(service.id, id)).returning();
    await audit(tx, actor, { action: 'service.update', targetType: 'service', targetId: id, territoryId: before.territoryId, before, after });
    return presentService(after!, territoryName);
  });
}
