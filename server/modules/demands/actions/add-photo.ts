import { count, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, forbidden, notFound } from '../../../core/errors.ts';
import { type PhotoExt, removeStoredFile, storeFile } from '../../../core/files.ts';
import type { Actor } from '../../../core/policy.ts';
import { demand, demandPhoto } from '../../../db/schema/demands.ts';
import { visibleDemand } from '../queries.ts';
import { canHandle, isLogger } from '../rights.ts';

import { MAX_PHOTOS } from '../rules.ts';

export { MAX_PHOTOS };

/**
 * A photo of the problem (by whoever reported it, until it is accepted) or of the work (by its
 * handlers, any time); at most MAX_PHOTOS per demand, counted under the demand's lock.
 */
export async function addPhoto(ctx: AppContext, actor: Actor, id: string, photo: { bytes: Buffer; ext: PhotoExt }) {
  const { d } = await visibleDemand(ctx.db, actor, id);
  const handler = canHandle(actor, d);
  if (!handler && !isLogger(actor, d)) throw forbidden();
  if (!handler && d.state !== 'submitted') throw new DomainError('demand.photosClosed', 409, { state: d.state });
  const dataDir = ctx.config.GONGZHI_DATA_DIR;
  const name = await storeFile(dataDir, photo.bytes, photo.ext);
  try {
    await ctx.db.transaction(async (tx) => {
      const [current] = await tx.select({ state: demand.state }).from(demand).where(eq(demand.id, id)).for('update');
      if (!current) throw notFound('demand', id);
      if (!handler && current.state !== 'submitted') throw new DomainError('demand.photosClosed', 409, { state: current.state });
      const [{ n }] = (await tx.select({ n: count() }).from(demandPhoto).where(eq(demandPhoto.demandId, id))) as [{ n: number }];
      if (n >= MAX_PHOTOS) throw new DomainError('validation', 422, {}, [{ field: 'photo', code: 'demand.tooManyPhotos', params: { max: MAX_PHOTOS } }]);
      const stage = current.state === 'submitted' ? 'report' : 'resolve';
      const [added] = await tx.insert(demandPhoto).values({ demandId: id, stage, path: name }).returning({ id: demandPhoto.id });
      await tx.update(demand).set({ updatedAt: new Date() }).where(eq(demand.id, id));
      await audit(tx, actor, { action: 'demand.photo', targetType: 'demand', targetId: id, territoryId: d.territoryId, after: { photoId: added!.id, stage } });
    });
  } catch (e) {
    await removeStoredFile(dataDir, name);
    throw e;
  }
  return id;
}
