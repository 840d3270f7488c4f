import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, forbidden, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { resolution, resolutionObjection } from '../../../db/schema/deliberation.ts';
import { reaches } from '../../activities/reach.ts';
import '../messages.ts';
import { tellAnswered, tellObjected } from '../notices.ts';
import { lockResolution, publicPaths, visibleResolution } from '../queries.ts';
import { publicationOpen } from '../rules.ts';
import { changeResolution } from './change.ts';

/** A resident's objection, taken only while the publication runs; the community's staff are told. */
export async function objectToResolution(ctx: AppContext, actor: Actor, id: string, text: string) {
  const seen = await visibleResolution(ctx.db, actor, id);
  if (!reaches(publicPaths(actor, 'resolution.object'), seen.r.path)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const r = (await lockResolution(tx, id))!;
    if (!publicationOpen(r, new Date())) throw new DomainError('resolution.publicationClosed', 409, { publicUntil: r.publicUntil?.toISOString() ?? null });
    const [o] = await tx.insert(resolutionObjection).values({ resolutionId: id, accountId: actor.accountId, text }).returning();
    await tx.update(resolution).set({ updatedAt: new Date() }).where(eq(resolution.id, id));
    await audit(tx, actor, { action: 'resolution.object', targetType: 'resolution', targetId: id, territoryId: r.territoryId, after: { objectionId: o!.id, text } });
    await tellObjected(tx, r, text);
    return id;
  });
}

/** The community's answer to an objection, once; the objector is told. */
export async function answerObjection(ctx: AppContext, actor: Actor, id: string, objectionId: string, answer: string) {
  return changeResolution(ctx, actor, id, ['published', 'in_progress', 'done'], async (tx, r) => {
    const [before] = await tx.select().from(resolutionObjection).where(and(eq(resolutionObjection.id, objectionId), eq(resolutionObjection.resolutionId, id)));
    if (!before) throw notFound('objection', objectionId);
    const [after] = await tx.update(resolutionObjection).set({ answer, answeredBy: actor.accountId, answeredAt: new Date() })
      .where(and(eq(resolutionObjection.id, objectionId), isNull(resolutionObjection.answeredAt))).returning();
    if (!after) throw new DomainError('resolution.alreadyAnswered', 409, { objectionId });
    await audit(tx, actor, { action: 'resolution.answer', targetType: 'resolution', targetId: id, territoryId: r.territoryId, before: { objectionId, answer: null }, after: { objectionId, answer } });
    await tellAnswered(tx, r, before.accountId, answer);
    return id;
  });
}
