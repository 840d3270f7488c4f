import { and, eq, gt, sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import { type Actor, grantsFor } from '../../../core/policy.ts';
import { maskName } from '../../../core/pii.ts';
import { charter, charterComment, charterVersion } from '../../../db/schema/deliberation.ts';
import { person } from '../../../db/schema/people.ts';
import '../messages.ts';
import { chartersPolicy as P } from '../policy.ts';

/** A resident's comment on a version open for comment; the period's end is checked by the database's clock. */
export async function commentVersion(ctx: AppContext, actor: Actor, versionId: string, text: string) {
  return ctx.db.transaction(async (tx) => {
    // Shared lock: adoption (which locks the version's charter and then updates it) waits for the comment to land.
    const [row] = await tx.select({ v: charterVersion, c: charter }).from(charterVersion)
      .innerJoin(charter, eq(charter.id, charterVersion.charterId)).where(eq(charterVersion.id, versionId)).for('share', { of: charterVersion });
    const home = row && grantsFor(actor, P['charter.comment']).some((g) => g.path.startsWith(row.c.path));
    if (!row || !home || (row.v.state !== 'commenting' && row.v.state !== 'published' && row.v.state !== 'superseded')) throw notFound('charterVersion', versionId);
    const [open] = await tx.select({ id: charterVersion.id }).from(charterVersion)
      .where(and(eq(charterVersion.id, versionId), eq(charterVersion.state, 'commenting'), gt(charterVersion.commentUntil, sql`now()`)));
    if (!open) throw new DomainError('charter.commentClosed', 409);
    const [p] = actor.personId ? await tx.select({ name: person.name }).from(person).where(eq(person.id, actor.personId)) : [];
    const [c] = await tx.insert(charterComment).values({ versionId, accountId: actor.accountId, authorName: maskName(p?.name ?? actor.displayName), text }).returning();
    await audit(tx, actor, { action: 'charter.comment', targetType: 'charter_version', targetId: versionId, territoryId: row.c.territoryId, after: { commentId: c!.id, length: text.length } });
    return { comment: c!, version: row.v.version };
  });
}
