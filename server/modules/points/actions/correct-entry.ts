import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { pointsEntry } from '../../../db/schema/members.ts';
import { territory } from '../../../db/schema/territory.ts';
import { reverseEntry } from '../award.ts';

/** A street or district administrator reverses an entry of a community in their territory; both entries stay. */
export async function correctEntry(ctx: AppContext, actor: Actor, entryId: number, note: string) {
  return ctx.db.transaction(async (tx) => {
    const [e] = await tx.select({ id: pointsEntry.id, path: territory.path }).from(pointsEntry)
      .innerJoin(territory, eq(territory.id, pointsEntry.communityId)).where(eq(pointsEntry.id, entryId)).for('update', { of: pointsEntry });
    if (!e || !canAt(actor, 'points.correct', e.path)) throw notFound('points entry', String(entryId));
    return reverseEntry(tx, actor, entryId, note);
  });
}
