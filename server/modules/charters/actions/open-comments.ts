import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { charterVersion } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { noticeCommentPeriod } from '../notices.ts';
import { lockVersion } from './lock-version.ts';

/**
 * Puts a draft out for the residents' comments until the given time; the text is frozen from now on.
 * The residents of the charter's community (estate) get an in-app notice in the same transaction.
 */
export async function openComments(ctx: AppContext, actor: Actor, versionId: string, commentUntil: Date) {
  if (commentUntil.getTime() <= Date.now()) throw invalid('commentUntil', 'charter.commentUntilPast');
  return ctx.db.transaction(async (tx) => {
    const { c, v } = await lockVersion(tx, actor, versionId);
    if (v.state !== 'draft') throw new DomainError('charter.wrongState', 409, { state: v.state });
    await tx.update(charterVersion).set({ state: 'commenting', commentUntil }).where(eq(charterVersion.id, versionId));
    await noticeCommentPeriod(tx, c, v.version, commentUntil);
    await audit(tx, actor, { action: 'charter.openComments', targetType: 'charter_version', targetId: versionId, territoryId: c.territoryId, before: { state: v.state }, after: { state: 'commenting', commentUntil } });
    return c.id;
  });
}
