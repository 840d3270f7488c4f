import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { resolution } from '../../../db/schema/deliberation.ts';
import { bodyNear } from '../places.ts';
import { changeResolution } from './change.ts';

export interface EditInput {
  title?: string;
  text?: string;
  publicDays?: number;
  responsibleBodyId?: string | null;
  dueOn?: string | null;
}

/**
 * Wording and publication days change while a draft; who answers for it and by when, until done.
 * A new deadline is a new lapse: carrying it over again becomes possible.
 */
export async function editResolution(ctx: AppContext, actor: Actor, id: string, input: EditInput) {
  return changeResolution(ctx, actor, id, ['draft', 'published', 'in_progress'], async (tx, r) => {
    const wording = input.title !== undefined || input.text !== undefined || input.publicDays !== undefined;
    if (wording && r.state !== 'draft') throw new DomainError('resolution.draftOnly', 409, { state: r.state });
    if (input.responsibleBodyId && !(await bodyNear(tx, input.responsibleBodyId, r.path))) throw invalid('responsibleBodyId', 'resolution.badBody');
    const dueChanged = input.dueOn !== undefined && input.dueOn !== r.dueOn;
    const [after] = await tx.update(resolution).set({
      ...(input.title !== undefined && { title: input.title }),
      ...(input.text !== undefined && { text: input.text }),
      ...(input.publicDays !== undefined && { publicDays: input.publicDays }),
      ...(input.responsibleBodyId !== undefined && { responsibleBodyId: input.responsibleBodyId }),
      ...(dueChanged && { dueOn: input.dueOn, carriedOverAt: null }),
      updatedAt: new Date(),
    }).where(eq(resolution.id, id)).returning();
    await audit(tx, actor, { action: 'resolution.edit', targetType: 'resolution', targetId: id, territoryId: r.territoryId, before: r, after });
    return id;
  });
}
