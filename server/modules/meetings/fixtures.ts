import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { type MeetingKind, agendaItem, meeting, meetingItem, meetingParticipant } from '../../db/schema/deliberation.ts';
import type { Node } from '../../demo/factories.ts';
import { communityPathOf } from '../agenda/rules.ts';
import { idsOfPath } from '../territory/rules.ts';
import type { Capacity } from './rules.ts';

/**
 * Builders for agenda items and meetings in a given state, shared by tests and the demo: they
 * write rows directly, standing for what already happened.
 */
export async function makeAgendaItem(db: Db, at: Node, o: Partial<typeof agendaItem.$inferInsert> = {}) {
  const path = communityPathOf(at.path);
  const ids = idsOfPath(path);
  const [a] = await db.insert(agendaItem).values({
    districtId: ids[0]!, territoryId: ids[2]!, path, title: '楼道堆物清理', source: 'resident', state: 'proposed', ...o,
  }).returning();
  return a!;
}

export async function makeMeeting(db: Db, at: Node, o: Partial<typeof meeting.$inferInsert> & { kind?: MeetingKind } = {}) {
  const [m] = await db.insert(meeting).values({
    districtId: idsOfPath(at.path)[0]!, territoryId: at.id, path: at.path, kind: 'deliberation', title: '居民区议事会',
    startsAt: new Date(Date.now() + 7 * 86_400_000), checkinSecret: randomBytes(32).toString('base64url'), ...o,
  }).returning();
  return m!;
}

export async function makeParticipant(db: Db, meetingId: string, o: { personId?: string | null; name?: string; bodyId?: string | null; capacity?: Capacity; voting?: boolean; signedInAt?: Date | null } = {}) {
  const [p] = await db.insert(meetingParticipant).values({
    meetingId, personId: o.personId ?? null, name: o.name ?? '参会代表', bodyId: o.bodyId ?? null, capacity: o.capacity ?? 'resident_rep',
    voting: o.voting ?? true, signedInAt: o.signedInAt ?? null, signInMethod: o.signedInAt ? 'clerk' : null,
  }).returning();
  return p!;
}

/** Puts an agenda item on a meeting as scheduling would. */
export async function makeMeetingItem(db: Db, meetingId: string, item: typeof agendaItem.$inferSelect, position = 1) {
  const [mi] = await db.insert(meetingItem).values({ meetingId, agendaItemId: item.id, position }).returning();
  return mi!;
}
