import { eq } from 'drizzle-orm';
import { notFound } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { charter, charterVersion } from '../../../db/schema/deliberation.ts';
import { chartersPolicy as P } from '../policy.ts';

/**
 * The charter row locked for the rest of the transaction, then the version: every change to a
 * charter's versions takes this lock first, so two of them never interleave.
 */
export async function lockVersion(tx: Db, actor: Actor, versionId: string) {
  const [v0] = await tx.select({ charterId: charterVersion.charterId }).from(charterVersion).where(eq(charterVersion.id, versionId));
  if (!v0) throw notFound('charterVersion', versionId);
  const [c] = await tx.select().from(charter).where(eq(charter.id, v0.charterId)).for('update');
  if (!c || !canAt(actor, P['charter.manage'], c.path)) throw notFound('charterVersion', versionId);
  const [v] = await tx.select().from(charterVersion).where(eq(charterVersion.id, versionId));
  return { c, v: v! };
}
