import { and, desc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { charter, charterVersion } from '../../../db/schema/deliberation.ts';
import '../messages.ts';
import { chartersPolicy as P } from '../policy.ts';
import { OPEN_STATES } from '../rules.ts';

/** Starts the next version from the published text; one version at a time is on its way. */
export async function startDraft(ctx: AppContext, actor: Actor, charterId: string) {
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(charter).where(eq(charter.id, charterId)).for('update');
    if (!c || !canAt(actor, P['charter.manage'], c.path)) throw notFound('charter', charterId);
    const [open] = await tx.select({ version: charterVersion.version }).from(charterVersion)
      .where(and(eq(charterVersion.charterId, charterId), inArray(charterVersion.state, [...OPEN_STATES])));
    if (open) throw new DomainError('charter.draftOpen', 409, { version: open.version });
    const [latest] = await tx.select().from(charterVersion).where(eq(charterVersion.charterId, charterId)).orderBy(desc(charterVersion.version)).limit(1);
    const [published] = await tx.select({ text: charterVersion.text }).from(charterVersion).where(and(eq(charterVersion.charterId, charterId), eq(charterVersion.state, 'published')));
    const [v] = await tx.insert(charterVersion).values({
      charterId, version: (latest?.version ?? 0) + 1, text: published?.text ?? latest?.text ?? '', createdBy: actor.accountId,
    }).returning();
    await audit(tx, actor, { action: 'charter.startDraft', targetType: 'charter_version', targetId: v!.id, territoryId: c.territoryId, after: { version: v!.version } });
    return c.id;
  });
}
