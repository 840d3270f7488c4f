import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { charterVersion } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { lockVersion } from './lock-version.ts';

/**
 * Publishes an adopted version: the one published before is superseded in the same transaction.
 * The charter's row lock orders concurrent publications; the partial unique index would refuse a
 * second published version even if something slipped past it.
 */
export async function publishVersion(ctx: AppContext, actor: Actor, versionId: string) {
  return ctx.db.transaction(async (tx) => {
    const { c, v } = await lockVersion(tx, actor, versionId);
    if (v.state !== 'adopted') throw new DomainError('charter.wrongState', 409, { state: v.state });
    const superseded = await tx.update(charterVersion).set({ state: 'superseded' })
      .where(and(eq(charterVersion.charterId, c.id), eq(charterVersion.state, 'published'))).returning({ id: charterVersion.id, version: charterVersion.version });
    const publishedAt = new Date();
    await tx.update(charterVersion).set({ state: 'published', publishedAt }).where(eq(charterVersion.id, versionId));
    await audit(tx, actor, {
      action: 'charter.publish', targetType: 'charter_version', targetId: versionId, territoryId: c.territoryId,
      before: { state: v.state, published: superseded[0]?.version ?? null }, after: { state: 'published', version: v.version, publishedAt },
    });
    return c.id;
  });
}
