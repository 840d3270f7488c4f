import { type SQL, and, asc, count, desc, eq, ilike, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { type Actor, grantsFor, minimalPaths } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { account } from '../../db/schema/accounts.ts';
import { body } from '../../db/schema/bodies.ts';
import { agendaItem, meeting, meetingItem, meetingParticipant, resolution, resolutionObjection, resolutionProgress } from '../../db/schema/deliberation.ts';
import { territory } from '../../db/schema/territory.ts';
import { dayOf } from '../demands/calendar.ts';
import { reachPaths, reaches, underAny } from '../activities/reach.ts';
import { RESOLUTION_PUBLIC, RESOLUTION_STAFF } from './policy.ts';
import { type ResolutionRow, presentDetail, presentResolution } from './presenters.ts';
import { PUBLIC_STATES, type ResolutionState, communityPathOf } from './rules.ts';

/** The communities a resident or party member reads published resolutions of. */
export function publicPaths(actor: Actor, permission = 'resolution.read'): string[] {
  return minimalPaths(grantsFor(actor, permission).filter((g) => (RESOLUTION_PUBLIC as readonly string[]).includes(g.role)).map((g) => communityPathOf(g.path)));
}

const staffPaths = (actor: Actor) => reachPaths(actor, 'resolution.read', RESOLUTION_STAFF);

/** Who sees a resolution, as one SQL condition: staff all of their territory, residents the published ones of their community. */
function visible(actor: Actor): SQL {
  return or(
    underAny(staffPaths(actor), resolution.path),
    and(underAny(publicPaths(actor), resolution.path), inArray(resolution.state, [...PUBLIC_STATES])),
  )!;
}

const objections = sql<number>`(select count(*)::int from ${resolutionObjection} o where o.resolution_id = ${resolution.id})`;
const unanswered = sql<number>`(select count(*)::int from ${resolutionObjection} o where o.resolution_id = ${resolution.id} and o.answered_at is null)`;

const select = (db: Db) =>
  db.select({
    r: resolution, communityName: territory.name,
    meeting: { id: meeting.id, title: meeting.title, kind: meeting.kind, startsAt: meeting.startsAt, place: meeting.place },
    body: { id: body.id, name: body.name, kind: body.kind },
    objections, unanswered,
  })
    .from(resolution)
    .innerJoin(territory, eq(territory.id, resolution.territoryId))
    .leftJoin(meeting, eq(meeting.id, resolution.meetingId))
    .leftJoin(body, eq(body.id, resolution.responsibleBodyId));

export interface ResolutionQuery {
  state?: ResolutionState[];
  overdue?: boolean;
  territoryId?: string;
  meetingId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** What a caller's list shows: the view of each row, with the caller's rights on it. */
export const viewOf = (actor: Actor, now = new Date()) => (row: ResolutionRow) =>
  presentResolution(row, {
    staff: reaches(staffPaths(actor), row.r.path),
    manage: reaches(reachPaths(actor, 'resolution.manage'), row.r.path),
    object: reaches(publicPaths(actor, 'resolution.object'), row.r.path),
  }, now);

export async function listResolutions(db: Db, actor: Actor, q: ResolutionQuery, publicOnly = false) {
  const conds: SQL[] = [visible(actor)];
  if (publicOnly) conds.push(inArray(resolution.state, [...PUBLIC_STATES]));
  if (q.state?.length) conds.push(inArray(resolution.state, q.state));
  if (q.overdue) conds.push(inArray(resolution.state, ['published', 'in_progress']), isNotNull(resolution.dueOn), lt(resolution.dueOn, dayOf(new Date())));
  if (q.meetingId) conds.push(eq(resolution.meetingId, q.meetingId));
  if (q.q) conds.push(or(ilike(resolution.title, `%${escapeLike(q.q)}%`), ilike(resolution.text, `%${escapeLike(q.q)}%`))!);
  if (q.territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, q.territoryId));
    if (!node) throw notFound('territory', q.territoryId);
    conds.push(underAny([node.path], resolution.path));
  }
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    select(db).where(where).orderBy(desc(resolution.createdAt), desc(resolution.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(resolution).where(where),
  ]);
  return { items: rows.map(viewOf(actor)), total: total!.n, page: q.page, pageSize: q.pageSize };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** A resolution the caller may see; otherwise it does not exist for them. */
export async function visibleResolution(db: Db, actor: Actor, id: string): Promise<ResolutionRow> {
  const [row] = await select(db).where(and(eq(resolution.id, id), visible(actor)));
  if (!row) throw notFound('resolution', id);
  return row;
}

/** The printable resolution: the decision, the meeting, objections with answers, progress, carry-overs. */
export async function resolutionDetail(db: Db, actor: Actor, id: string) {
  const row = await visibleResolution(db, actor, id);
  const r = row.r;
  const [decision, attendance, objs, progress, carried, creator] = await Promise.all([
    r.meetingItemId ? db.select().from(meetingItem).where(eq(meetingItem.id, r.meetingItemId)) : Promise.resolve([]),
    r.meetingId
      ? db.select({ participants: count(), present: sql<number>`count(${meetingParticipant.signedInAt})::int` }).from(meetingParticipant).where(eq(meetingParticipant.meetingId, r.meetingId))
      : Promise.resolve([]),
    db.select({ o: resolutionObjection, byName: account.displayName }).from(resolutionObjection)
      .leftJoin(account, eq(account.id, resolutionObjection.accountId))
      .where(eq(resolutionObjection.resolutionId, id)).orderBy(asc(resolutionObjection.createdAt), asc(resolutionObjection.id)),
    db.select().from(resolutionProgress).where(eq(resolutionProgress.resolutionId, id)).orderBy(asc(resolutionProgress.at), asc(resolutionProgress.id)),
    db.select({ id: agendaItem.id, meetingId: agendaItem.meetingId, createdAt: agendaItem.createdAt }).from(agendaItem)
      .where(and(eq(agendaItem.resolutionId, id), eq(agendaItem.source, 'carried_over'))).orderBy(asc(agendaItem.createdAt)),
    r.createdBy ? db.select({ name: account.displayName }).from(account).where(eq(account.id, r.createdBy)) : Promise.resolve([]),
  ]);
  const answerers = await namesOf(db, objs.map((o) => o.o.answeredBy));
  return presentDetail(viewOf(actor)(row), {
    row, decision: decision[0] ?? null, attendance: attendance[0] ?? null,
    objections: objs.map((o) => ({ ...o, answeredByName: o.o.answeredBy ? answerers.get(o.o.answeredBy) ?? null : null })),
    progress, carried, createdBy: creator[0]?.name ?? null, me: actor.accountId, staff: reaches(staffPaths(actor), r.path),
  });
}

async function namesOf(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db.select({ id: account.id, name: account.displayName }).from(account).where(inArray(account.id, wanted));
  return new Map(rows.map((a) => [a.id, a.name]));
}

/** A resolution with its path, locked for a change in the caller's transaction. */
export async function lockResolution(tx: Db, id: string) {
  const [r] = await tx.select().from(resolution).where(eq(resolution.id, id)).for('update');
  return r;
}
