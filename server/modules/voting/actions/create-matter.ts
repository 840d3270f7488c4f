import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { type MatterKind, voteMatter } from '../../../db/schema/voting.ts';
import '../messages.ts';
import { votingPolicy as P } from '../policy.ts';
import { estateFor } from '../queries.ts';

/** Drafts a matter for the owners' vote; nothing is counted until it opens. */
export async function createMatter(ctx: AppContext, actor: Actor, estateId: string, input: { kind: MatterKind; title: string; description?: string; closesAt?: string }) {
  if (input.closesAt && new Date(input.closesAt).getTime() <= Date.now()) throw invalid('closesAt', 'voting.closesAtPast');
  return ctx.db.transaction(async (tx) => {
    const { e } = await estateFor(tx, actor, P['voting.manage'], estateId);
    const [m] = await tx.insert(voteMatter).values({
      estateId, kind: input.kind, title: input.title, description: input.description ?? '',
      closesAt: input.closesAt ? new Date(input.closesAt) : null, createdBy: actor.accountId,
    }).returning();
    await audit(tx, actor, { action: 'voteMatter.create', targetType: 'vote_matter', targetId: m!.id, territoryId: e.territoryId, after: { kind: m!.kind, title: m!.title } });
    return m!.id;
  });
}
