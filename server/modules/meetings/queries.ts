import { type SQL, and, asc, count, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { type Actor, can, grantsFor } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { account } from '../../db/schema/accounts.ts';
import { body } from '../../db/schema/bodies.ts';
import { type MeetingKind, agendaItem, meeting, meetingItem, meetingParticipant, minutesEntry } from '../../db/schema/deliberation.ts';
import { territory } from '../../db/schema/territory.ts';
import { underAny } from '../activities/reach.ts';
import { decisionsOf } from '../agenda/queries.ts';
import { communityPathOf } from '../agenda/rules.ts';
import { MEETING_STAFF } from './policy.ts';
import { type MeetingAction, type MeetingRow, presentMeeting, presentMinutes, presentParticipant } from './presenters.ts';
import { fourBodiesOf, quorumOf } from './rules.ts';

type Meeting = typeof meeting.$inferSelect;
type State = Meeting['state'];

const staffPaths = (actor: Actor, permission: string) =>
  grantsFor(actor, permission).filter((g) => (MEETING_STAFF as readonly string[]).includes(g.role)).map((g) => g.path);
export const isManagerAt = (actor: Actor, path: string) => staffPaths(actor, 'meeting.manage').some((p) => path.startsWith(p));
const isStaffReader = (actor: Actor, path: string) => staffPaths(actor, 'meeting.read').some((p) => path.startsWith(p));

/** The communities a resident or party member belongs to. */
const ownCommunities = (actor: Actor) =>
  [...new Set(grantsFor(actor, 'meeting.read').filter((g) => g.role === 'resident' || g.role === 'party_member').map((g) => communityPathOf(g.path)))];

const PUBLIC_HEARING_STATES: State[] = ['noticed', 'in_progress', 'closed'];

/**
 * Who sees a meeting, as one SQL condition: staff their territory; anyone the meetings they sit
 * in; residents and party members the hearings announced for their community (or its street).
 */
export function visibleMeetings(actor: Actor): SQL {
  const conds: SQL[] = [underAny(staffPaths(actor, 'meeting.read'), meeting.path)];
  if (actor.personId) {
    conds.push(sql`exists (select 1 from ${meetingParticipant} where ${meetingParticipant.meetingId} = ${meeting.id} and ${meetingParticipant.personId} = ${actor.personId})`);
  }
  const communities = ownCommunities(actor);
  if (communities.length) {
    const near = or(underAny(communities, meeting.path), ...communities.map((c) => sql`${c} like ${meeting.path} || '%'`))!;
    conds.push(and(eq(meeting.kind, 'hearing'), inArray(meeting.state, PUBLIC_HEARING_STATES), near)!);
  }
  return or(...conds)!;
}

const itemCount = sql<number>`(select count(*)::int from ${meetingItem} where ${meetingItem.meetingId} = ${meeting.id})`;
const participantCount = sql<number>`(select count(*)::int from ${meetingParticipant} where ${meetingParticipant.meetingId} = ${meeting.id})`;

const select = (db: Db) =>
  db.select({ m: meeting, territoryName: territory.name, convenerName: body.name, itemCount, participantCount })
    .from(meeting)
    .innerJoin(territory, eq(territory.id, meeting.territoryId))
    .leftJoin(body, eq(body.id, meeting.convenerBodyId));

type Participant = typeof meetingParticipant.$inferSelect & { bodyName: string | null };

async function participantsOf(db: Db, meetingIds: string[]): Promise<Participant[]> {
  if (!meetingIds.length) return [];
  const rows = await db.select({ p: meetingParticipant, bodyName: body.name }).from(meetingParticipant)
    .leftJoin(body, eq(body.id, meetingParticipant.bodyId))
    .where(inArray(meetingParticipant.meetingId, meetingIds))
    .orderBy(asc(meetingParticipant.capacity), asc(meetingParticipant.name), asc(meetingParticipant.id));
  return rows.map((r) => ({ ...r.p, bodyName: r.bodyName }));
}

/** What the caller may do with the meeting now, so a screen shows only working buttons. */
function actionsFor(actor: Actor, m: Meeting, me: Participant | undefined): MeetingAction[] {
  const out: MeetingAction[] = [];
  if (isManagerAt(actor, m.path)) {
    const byState: Record<State, MeetingAction[]> = {
      draft: ['edit', 'invite', 'schedule', 'reorder', 'notice', 'cancel'],
      noticed: ['invite', 'schedule', 'reorder', 'start', 'cancel'],
      in_progress: ['reorder', 'signIn', 'minutes', 'decide', 'close'],
      closed: [], cancelled: [],
    };
    out.push(...byState[m.state]);
  }
  const attends = can(actor, 'meeting.attend') && !!actor.personId;
  if (attends && me && !me.signedInAt && m.state === 'in_progress') out.push('checkIn');
  if (attends && !me && m.kind === 'hearing' && m.state === 'noticed' && m.startsAt > new Date()) out.push('register');
  return out;
}

function present(actor: Actor, r: MeetingRow, participants: Participant[]) {
  const me = actor.personId ? participants.find((p) => p.personId === actor.personId) : undefined;
  return presentMeeting(r, { quorum: quorumOf(participants, r.m.quorum), mine: !!me, actions: actionsFor(actor, r.m, me) });
}

export interface MeetingQuery {
  state?: State[];
  kind?: MeetingKind;
  territoryId?: string;
  from?: string;
  to?: string;
  mine?: boolean;
  page: number;
  pageSize: number;
}

export async function listMeetings(db: Db, actor: Actor, q: MeetingQuery) {
  const conds: SQL[] = [visibleMeetings(actor)];
  if (q.state?.length) conds.push(inArray(meeting.state, q.state));
  if (q.kind) conds.push(eq(meeting.kind, q.kind));
  if (q.from) conds.push(gte(meeting.startsAt, new Date(q.from)));
  if (q.to) conds.push(lte(meeting.startsAt, new Date(q.to)));
  if (q.mine) {
    conds.push(actor.personId
      ? sql`exists (select 1 from ${meetingParticipant} where ${meetingParticipant.meetingId} = ${meeting.id} and ${meetingParticipant.personId} = ${actor.personId})`
      : sql`false`);
  }
  if (q.territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, q.territoryId));
    if (!node) throw notFound('territory', q.territoryId);
    conds.push(underAny([node.path], meeting.path));
  }
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    select(db).where(where).orderBy(desc(meeting.startsAt), desc(meeting.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(meeting).where(where),
  ]);
  const participants = await participantsOf(db, rows.map((r) => r.m.id));
  return {
    items: rows.map((r) => present(actor, r, participants.filter((p) => p.meetingId === r.m.id))),
    total: total?.n ?? 0, page: q.page, pageSize: q.pageSize,
  };
}

async function visibleRow(db: Db, actor: Actor, id: string) {
  const [row] = await select(db).where(and(eq(meeting.id, id), visibleMeetings(actor)));
  if (!row) throw notFound('meeting', id);
  return row;
}

async function itemsOf(db: Db, meetingId: string) {
  const rows = await db.select({ mi: meetingItem, a: agendaItem }).from(meetingItem)
    .innerJoin(agendaItem, eq(agendaItem.id, meetingItem.agendaItemId))
    .where(eq(meetingItem.meetingId, meetingId)).orderBy(asc(meetingItem.position));
  const decisions = await decisionsOf(db, rows.map((r) => r.mi));
  return rows.map(({ mi, a }) => ({
    id: mi.id, position: mi.position,
    agendaItem: { id: a.id, title: a.title, description: a.description, source: a.source, state: a.state },
    decision: decisions.get(mi.id) ?? null,
  }));
}

/** Everything about one meeting the caller may read. */
export async function meetingDetail(db: Db, actor: Actor, id: string) {
  const row = await visibleRow(db, actor, id);
  const [participants, items, minutes] = await Promise.all([
    participantsOf(db, [id]),
    itemsOf(db, id),
    db.select().from(minutesEntry).where(eq(minutesEntry.meetingId, id)).orderBy(asc(minutesEntry.position)),
  ]);
  const me = actor.personId ? participants.find((p) => p.personId === actor.personId) : undefined;
  const insider = isStaffReader(actor, row.m.path) || !!me;
  return {
    ...present(actor, row, participants),
    noticeText: row.m.noticeText, summary: row.m.summary,
    participants: insider ? participants.map(presentParticipant) : [],
    items,
    minutes: insider ? minutes.map(presentMinutes) : [],
    fourBodies: row.m.kind === 'joint_four_in_one' ? fourBodiesOf(participants).present : null,
    me: me ? { participantId: me.id, capacity: presentParticipant(me).capacity, signedInAt: me.signedInAt?.toISOString() ?? null } : null,
  };
}

/** The printable minutes: for staff and for those who sat in the meeting. */
export async function minutesOf(db: Db, actor: Actor, id: string) {
  const detail = await meetingDetail(db, actor, id);
  const [row] = await db.select({ m: meeting, clerk: account.displayName }).from(meeting).leftJoin(account, eq(account.id, meeting.clerkAccountId)).where(eq(meeting.id, id));
  if (!detail.me && !isStaffReader(actor, row!.m.path)) throw notFound('meeting', id);
  const { participants, items, minutes, quorum, noticeText, summary } = detail;
  return {
    meeting: { ...pick(detail), noticeText, summary, clerk: row!.clerk ?? null },
    participants, quorum,
    items: items.map((i) => ({ ...i, minutes: minutes.filter((e) => e.meetingItemId === i.id) })),
    otherMinutes: minutes.filter((e) => !e.meetingItemId),
    printedAt: new Date().toISOString(),
  };
}

function pick(d: Awaited<ReturnType<typeof meetingDetail>>) {
  const { noticeText: _n, summary: _s, participants: _p, items: _i, minutes: _m, fourBodies: _f, me: _me, ...out } = d;
  return out;
}

/** A meeting the caller convenes or keeps the record of, locked for the change; others get 404. */
export async function managedMeeting(tx: Db, actor: Actor, id: string): Promise<Meeting> {
  const [m] = await tx.select().from(meeting).where(eq(meeting.id, id)).for('update');
  if (!m || !isManagerAt(actor, m.path)) throw notFound('meeting', id);
  return m;
}

export { participantsOf };
