import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { meeting } from '../../../db/schema/deliberation.ts';
import { managedMeeting } from '../queries.ts';
import { checkConvener, checkHearingDays } from './create-meeting.ts';
import '../messages.ts';

export interface MeetingChanges {
  title?: string;
  place?: string;
  startsAt?: Date;
  convenerBodyId?: string | null;
  quorum?: number | null;
  publicNoticeDays?: number | null;
}

/** Corrects a meeting before its notice goes out; after that the notice is what people rely on. */
export async function updateMeeting(ctx: AppContext, actor: Actor, id: string, changes: MeetingChanges): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, id);
    if (m.state !== 'draft') throw new DomainError('meeting.badState', 409, { state: m.state });
    if (changes.startsAt && changes.startsAt.getTime() <= Date.now()) throw invalid('startsAt', 'meeting.startsInPast');
    checkHearingDays(m.kind, changes.publicNoticeDays);
    if (changes.convenerBodyId) await checkConvener(tx, changes.convenerBodyId, m.path);
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (!Object.keys(set).length) return id;
    await tx.update(meeting).set(set).where(eq(meeting.id, id));
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, m[k as keyof typeof m]]));
    await audit(tx, actor, { action: 'meeting.update', targetType: 'meeting', targetId: id, territoryId: m.territoryId, before, after: set });
    return id;
  });
}
