import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/policy.ts';
import { resolution } from '../../../db/schema/deliberation.ts';
import { tellPublished } from '../notices.ts';
import { publicUntilOf } from '../rules.ts';
import { changeResolution } from './change.ts';

/** 公示: the resolution goes public for its days; residents of the community are told and may object meanwhile. */
export async function publishResolution(ctx: AppContext, actor: Actor, id: string, publicDays?: number) {
  return changeResolution(ctx, actor, id, ['draft'], async (tx, r) => {
    const now = new Date();
    const days = publicDays ?? r.publicDays;
    const [after] = await tx.update(resolution).set({ state: 'published', publicDays: days, publishedAt: now, publicUntil: publicUntilOf(now, days), updatedAt: now })
      .where(eq(resolution.id, id)).returning();
    await audit(tx, actor, { action: 'resolution.publish', targetType: 'resolution', targetId: id, territoryId: r.territoryId, before: { state: r.state }, after: { state: 'published', publicUntil: after!.publicUntil } });
    await tellPublished(tx, after!);
    return id;
  });
}

/** A draft dropped, or a publication called back; the reason stays in the audit log. */
export async function withdrawResolution(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return changeResolution(ctx, actor, id, ['draft', 'published'], async (tx, r) => {
    await tx.update(resolution).set({ state: 'withdrawn', updatedAt: new Date() }).where(eq(resolution.id, id));
    await audit(tx, actor, { action: 'resolution.withdraw', targetType: 'resolution', targetId: id, territoryId: r.territoryId, before: { state: r.state }, after: { state: 'withdrawn', reason } });
    return id;
  });
}
