import { and, desc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { type Actor, canAt } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { charter, charterVersion, meeting, resolution } from '../../db/schema/deliberation.ts';
import { territory } from '../../db/schema/territory.ts';
import { estate, voteMatter } from '../../db/schema/voting.ts';
import { chartersPolicy as P } from './policy.ts';
import { communityOf } from './rules.ts';

export interface AdoptionSource {
  id: string;
  title: string;
  /** The meeting a resolution came from, or the estate an owners' vote was held in. */
  from: string | null;
  /** When the resolution was published, or the vote closed. */
  at: string | null;
}

const LIMIT = 20;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
/** The stored paths of a community ("/district/street/community/") and of everything under it. */
const inCommunity = (community: string, path: typeof resolution.path | typeof territory.path) => like(path, `/${escapeLike(community)}/%`);

/**
 * What may adopt a version of this charter, newest first, filtered by the typed words: the
 * community's published (or carried-out) resolutions, or the owners' votes of the charter's estate
 * (of any estate of the community for a community charter) that closed as passed — the same rules
 * the adoption itself checks.
 */
export async function adoptionSources(db: Db, actor: Actor, versionId: string, by: 'resolution' | 'matter', q?: string): Promise<AdoptionSource[]> {
  const [row] = await db.select({ c: charter }).from(charterVersion).innerJoin(charter, eq(charter.id, charterVersion.charterId)).where(eq(charterVersion.id, versionId));
  if (!row || !canAt(actor, P['charter.manage'], row.c.path)) throw notFound('charterVersion', versionId);
  const community = communityOf(row.c.path);
  const words = q?.trim() ? `%${escapeLike(q.trim())}%` : null;
  if (by === 'resolution') {
    const conds = [inArray(resolution.state, ['published', 'in_progress', 'done']), inCommunity(community, resolution.path)];
    if (words) conds.push(or(ilike(resolution.title, words), ilike(resolution.text, words))!);
    const rows = await db.select({ id: resolution.id, title: resolution.title, from: meeting.title, at: resolution.publishedAt })
      .from(resolution).leftJoin(meeting, eq(meeting.id, resolution.meetingId))
      .where(and(...conds)).orderBy(desc(resolution.publishedAt), desc(resolution.id)).limit(LIMIT);
    return rows.map((r) => ({ ...r, at: r.at?.toISOString() ?? null }));
  }
  const conds = [eq(voteMatter.state, 'closed'), sql`${voteMatter.result}->>'verdict' = 'passed'`];
  conds.push(row.c.estateId ? eq(voteMatter.estateId, row.c.estateId) : inCommunity(community, territory.path));
  if (words) conds.push(ilike(voteMatter.title, words));
  const rows = await db.select({ id: voteMatter.id, title: voteMatter.title, from: estate.name, at: voteMatter.closedAt })
    .from(voteMatter).innerJoin(estate, eq(estate.id, voteMatter.estateId)).innerJoin(territory, eq(territory.id, estate.territoryId))
    .where(and(...conds)).orderBy(desc(voteMatter.closedAt), desc(voteMatter.id)).limit(LIMIT);
  return rows.map((r) => ({ ...r, at: r.at?.toISOString() ?? null }));
}
