import { eq } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { type Actor, canAt, grantsFor } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { territory } from '../../db/schema/territory.ts';

/**
 * Rankings are public within the platform's own circles: a node is readable when it lies in one
 * of the caller's subtrees or contains one (a member sees their community, street and district).
 * Names are shown in full only to staff over the node.
 */
export async function rankableNode(db: Db, actor: Actor, id: string) {
  const [n] = await db.select().from(territory).where(eq(territory.id, id));
  const visible = n && (canAt(actor, 'points.read', n.path) || grantsFor(actor, 'points.read').some((g) => g.path.startsWith(n.path)));
  if (!visible) throw notFound('territory', id);
  return { node: n, staff: canAt(actor, 'points.ledger', n.path) };
}

/** The district of the caller's first grant reading points. */
export function districtOf(actor: Actor): string | null {
  const g = grantsFor(actor, 'points.read')[0];
  return g ? g.path.split('/').filter(Boolean)[0]! : null;
}
