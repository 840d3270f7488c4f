import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { meeting } from '../../../db/schema/deliberation.ts';
import { managedMeeting } from '../queries.ts';
import '../messages.ts';

/** Opens an announced meeting: sign-in, minutes and decisions begin; the one who starts it keeps the record. */
export async function startMeeting(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, id);
    const [after] = await tx.update(meeting).set({ state: 'in_progress', startedAt: new Date(), clerkAccountId: actor.accountId })
      .where(and(eq(meeting.id, id), eq(meeting.state, 'noticed'))).returning();
    if (!after) throw new DomainError('meeting.badState', 409, { state: m.state });
    await audit(tx, actor, { action: 'meeting.start', targetType: 'meeting', targetId: id, territoryId: m.territoryId, before: { state: m.state }, after: { state: 'in_progress' } });
    return id;
  });
}
