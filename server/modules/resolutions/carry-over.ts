import { type SQL, and, asc, eq, gt, inArray, isNotNull, isNull, lt, max } from 'drizzle-orm';
import { audit } from '../../core/audit.ts';
import type { Db } from '../../db/client.ts';
import { agendaItem, meeting, meetingItem, resolution } from '../../db/schema/deliberation.ts';
import { dayOf } from '../demands/calendar.ts';
import { tellCarriedOver } from './notices.ts';
import { TRACKED_STATES } from './rules.ts';

const TIMER = { system: 'resolution-carry-over' } as const;

/** Lapsed and not yet brought back for this lapse. */
const lapsed = (today: string): SQL =>
  and(inArray(resolution.state, [...TRACKED_STATES]), isNotNull(resolution.dueOn), lt(resolution.dueOn, today), isNull(resolution.carriedOverAt))!;

/**
 * Overdue resolutions come back on the agenda of the community's next review meeting (§自治引领4),
 * once per lapse. Each is taken in a transaction of its own by a conditional update on
 * `carried_over_at`: however many instances run at once, exactly one of them carries it over.
 */
export async function carryOverOverdue(db: Db, now = new Date()): Promise<number> {
  const today = dayOf(now);
  const candidates = await db.select({ id: resolution.id }).from(resolution).where(lapsed(today));
  let carried = 0;
  const failed: string[] = [];
  for (const { id } of candidates) {
    try {
      if (await carryOne(db, id, today, now)) carried++;
    } catch (err) {
      failed.push(`${id}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  // One resolution failing does not hold up the others; the run reports it at its end.
  if (failed.length) throw new Error(`resolution carry-over: ${failed.length} failed, first ${failed[0]}`);
  return carried;
}

function carryOne(db: Db, id: string, today: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [r] = await tx.update(resolution).set({ carriedOverAt: now }).where(and(eq(resolution.id, id), lapsed(today))).returning();
    if (!r) return false;
    const [review] = await tx.select({ id: meeting.id }).from(meeting)
      .where(and(eq(meeting.territoryId, r.territoryId), eq(meeting.kind, 'review'), inArray(meeting.state, ['draft', 'noticed']), gt(meeting.startsAt, now)))
      .orderBy(asc(meeting.startsAt)).limit(1).for('update');
    const [item] = await tx.insert(agendaItem).values({
      districtId: r.districtId, territoryId: r.territoryId, path: r.path,
      title: `逾期决议：${r.title}`, description: r.text, source: 'carried_over', resolutionId: r.id,
      state: review ? 'scheduled' : 'accepted', meetingId: review?.id ?? null, reviewedAt: now,
    }).returning();
    if (review) {
      const [last] = await tx.select({ n: max(meetingItem.position) }).from(meetingItem).where(eq(meetingItem.meetingId, review.id));
      await tx.insert(meetingItem).values({ meetingId: review.id, agendaItemId: item!.id, position: (last?.n ?? 0) + 1 });
    }
    await audit(tx, TIMER, {
      action: 'resolution.carryOver', targetType: 'resolution', targetId: r.id, territoryId: r.territoryId,
      before: { carriedOverAt: null, dueOn: r.dueOn }, after: { carriedOverAt: now, agendaItemId: item!.id, meetingId: review?.id ?? null },
    });
    await tellCarriedOver(tx, r, item!.id);
    return true;
  });
}
