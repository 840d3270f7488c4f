import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { charterVersion } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { lockVersion } from './lock-version.ts';

/** Rewrites a draft; what went out for comment, was adopted or published stays as it was. */
export async function editDraft(ctx: AppContext, actor: Actor, versionId: string, text: string) {
  return ctx.db.transaction(async (tx) => {
    const { c, v } = await lockVersion(tx, actor, versionId);
    if (v.state !== 'draft') throw new DomainError('charter.notDraft', 409, { state: v.state });
    await tx.update(charterVersion).set({ text }).where(and(eq(charterVersion.id, versionId), eq(charterVersion.state, 'draft')));
    await audit(tx, actor, { action: 'charter.editDraft', targetType: 'charter_version', targetId: versionId, territoryId: c.territoryId, before: { length: v.text.length }, after: { length: text.length } });
    return c.id;
  });
}
