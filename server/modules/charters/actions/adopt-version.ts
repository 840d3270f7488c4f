import { and, eq, ne } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { charterVersion, resolution } from '../../../db/schema/deliberation.ts';
import { territory } from '../../../db/schema/territory.ts';
import { estate, voteMatter } from '../../../db/schema/voting.ts';
import '../messages.ts';
import { communityOf } from '../rules.ts';
import { lockVersion } from './lock-version.ts';

/** One of the two: the resolution of the community's meeting, or the owners' vote. */
export interface Adoption {
  resolutionId?: string;
  matterId?: string;
}

/** Whether the named resolution or owners' vote may adopt a version of a charter at this node. */
async function checkAdoption(tx: Db, c: { path: string; estateId: string | null }, by: Adoption) {
  if (by.resolutionId) {
    const [r] = await tx.select({ path: resolution.path }).from(resolution).where(and(eq(resolution.id, by.resolutionId), ne(resolution.state, 'withdrawn')));
    if (!r || communityOf(r.path) !== communityOf(c.path)) throw invalid('resolutionId', 'charter.resolutionUnknown');
    return;
  }
  if (!by.matterId) throw invalid('resolutionId', 'charter.adoptionRequired');
  const [m] = await tx.select({ state: voteMatter.state, result: voteMatter.result, estateId: voteMatter.estateId, path: territory.path })
    .from(voteMatter).innerJoin(estate, eq(estate.id, voteMatter.estateId)).innerJoin(territory, eq(territory.id, estate.territoryId))
    .where(eq(voteMatter.id, by.matterId));
  const sameEstate = m && (c.estateId ? m.estateId === c.estateId : communityOf(m.path) === communityOf(c.path));
  // Only a closed vote whose frozen tally says "passed" adopts anything (art. 278's thresholds decide it there).
  if (!m || !sameEstate || m.state !== 'closed' || m.result?.verdict !== 'passed') throw invalid('matterId', 'charter.matterNotPassed');
}

/**
 * Records that a version was adopted — by a resolution of the community's meeting or by the owners'
 * vote — once its comment period has closed.
 */
export async function adoptVersion(ctx: AppContext, actor: Actor, versionId: string, by: Adoption) {
  if (!by.resolutionId === !by.matterId) throw invalid(by.resolutionId ? 'matterId' : 'resolutionId', 'charter.adoptionRequired');
  return ctx.db.transaction(async (tx) => {
    const { c, v } = await lockVersion(tx, actor, versionId);
    if (v.state !== 'draft' && v.state !== 'commenting') throw new DomainError('charter.wrongState', 409, { state: v.state });
    if (v.state === 'commenting' && v.commentUntil && v.commentUntil.getTime() > Date.now()) {
      throw new DomainError('charter.commentOpen', 409, { until: v.commentUntil.toISOString() });
    }
    await checkAdoption(tx, c, by);
    const after = { state: 'adopted' as const, adoptedAt: new Date(), adoptedByResolutionId: by.resolutionId ?? null, adoptedByMatterId: by.matterId ?? null };
    await tx.update(charterVersion).set(after).where(eq(charterVersion.id, versionId));
    await audit(tx, actor, { action: 'charter.adopt', targetType: 'charter_version', targetId: versionId, territoryId: c.territoryId, before: { state: v.state }, after });
    return c.id;
  });
}
