import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, forbidden } from '../../../core/errors.ts';
import { type PhotoExt, removeStoredFile, storeFile } from '../../../core/files.ts';
import type { Actor } from '../../../core/policy.ts';
import { wish } from '../../../db/schema/members.ts';
import { memberPerson } from '../../activities/reach.ts';
import { visibleWish } from '../queries.ts';

/** The member who claimed a wish reports it done, with a photo for the resident and the community. */
export async function fulfilWish(ctx: AppContext, actor: Actor, id: string, photo: { bytes: Buffer; ext: PhotoExt }) {
  const me = memberPerson(actor);
  const { row } = await visibleWish(ctx.db, actor, id);
  if (row.w.claimedBy !== me) throw forbidden();
  if (row.w.state !== 'claimed') throw new DomainError('wish.wrongState', 409, { state: row.w.state });
  const dataDir = ctx.config.GONGZHI_DATA_DIR;
  const name = await storeFile(dataDir, photo.bytes, photo.ext);
  try {
    return await ctx.db.transaction(async (tx) => {
      // Still this member's claim: it may have expired while the photo was uploading.
      const [after] = await tx.update(wish).set({ state: 'fulfilled', photoPath: name, fulfilledAt: new Date() })
        .where(and(eq(wish.id, id), eq(wish.state, 'claimed'), eq(wish.claimedBy, me))).returning();
      if (!after) throw new DomainError('wish.wrongState', 409, { state: 'open' });
      await audit(tx, actor, { action: 'wish.fulfil', targetType: 'wish', targetId: id, territoryId: after.territoryId, before: { state: 'claimed' }, after: { state: 'fulfilled', photo: name } });
      return id;
    });
  } catch (e) {
    await removeStoredFile(dataDir, name);
    throw e;
  }
}
