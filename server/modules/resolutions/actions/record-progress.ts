import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { type PhotoExt, removeStoredFile, storeFile } from '../../../core/files.ts';
import type { Actor } from '../../../core/policy.ts';
import { resolution, resolutionProgress } from '../../../db/schema/deliberation.ts';
import { TRACKED_STATES } from '../rules.ts';
import { changeResolution } from './change.ts';

export interface ProgressInput {
  note: string;
  photo?: { bytes: Buffer; ext: PhotoExt } | null;
  /** The closing note: the resolution is done and takes no more. */
  final?: boolean;
}

/** A progress note, with a photo as evidence when there is one; the first puts the work in progress, the final one ends it. */
export async function recordProgress(ctx: AppContext, actor: Actor, id: string, input: ProgressInput) {
  const dataDir = ctx.config.GONGZHI_DATA_DIR;
  const photoPath = input.photo ? await storeFile(dataDir, input.photo.bytes, input.photo.ext) : null;
  try {
    return await changeResolution(ctx, actor, id, TRACKED_STATES, async (tx, r) => {
      const now = new Date();
      const [p] = await tx.insert(resolutionProgress).values({ resolutionId: id, note: input.note, photoPath, accountId: actor.accountId, actorName: actor.displayName, at: now }).returning();
      const state = input.final ? 'done' : 'in_progress';
      await tx.update(resolution).set({ state, updatedAt: now, ...(input.final && { doneAt: now }) }).where(eq(resolution.id, id));
      await audit(tx, actor, {
        action: input.final ? 'resolution.done' : 'resolution.progress', targetType: 'resolution', targetId: id, territoryId: r.territoryId,
        before: { state: r.state }, after: { state, progressId: p!.id, note: input.note, photo: photoPath },
      });
      return id;
    });
  } catch (e) {
    if (photoPath) await removeStoredFile(dataDir, photoPath);
    throw e;
  }
}
