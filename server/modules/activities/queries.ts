import { type SQL, and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { activity, activitySignup, pointsEntry, service } from '../../db/schema/members.ts';
import { territory } from '../../db/schema/territory.ts';
import { type ActivityView, presentActivity, presentService } from './presenters.ts';
import { memberCommunities, ownCommunityFirst, reachPaths, reaches, underAny } from './reach.ts';

// Spelled out: inside a select list drizzle renders a column without its table.
const signedUp = sql<number>`(select count(*)::int from ${activitySignup} x where x.activity_id = "activity"."id" and x.state <> 'cancelled')`;

const baseSelect = (db: Db) =>
  db
    .select({ a: activity, territoryName: territory.name, path: territory.path, serviceTitle: service.title, category: service.category, signedUp })
    .from(activity)
    .innerJoin(territory, eq(territory.id, activity.territoryId))
    .leftJoin(service, eq(service.id, activity.serviceId));

interface Row {
  a: typeof activity.$inferSelect;
  territoryName: string;
  path: string;
  serviceTitle: string | null;
  category: string | null;
  signedUp: number;
}

/** Loads an activity the caller reaches for `permission`; beyond that reach it does not exist. */
export async function activityInReach(db: Db, actor: Actor, permission: string, id: string) {
  const [row] = await db.select({ a: activity, path: territory.path }).from(activity).innerJoin(territory, eq(territory.id, activity.territoryId)).where(eq(activity.id, id));
  if (!row || !reaches(reachPaths(actor, permission), row.path)) throw notFound('activity', id);
  return row;
}

export async function activityDetail(db: Db, actor: Actor, id: string) {
  await activityInReach(db, actor, 'activity.read', id);
  const rows = await baseSelect(db).where(eq(activity.id, id));
  return (await views(db, actor, rows))[0]!;
}

export interface ActivityQuery {
  territoryId?: string;
  from?: Date;
  to?: Date;
  kind?: 'service' | 'volunteer' | 'theme_party_day';
  state?: 'published' | 'cancelled' | 'finished';
}

/**
 * Members see what is published in their street and not yet over, their own community first;
 * staff see everything in their territory from a month back.
 */
export async function listActivities(db: Db, actor: Actor, q: ActivityQuery) {
  const reach = reachPaths(actor, 'activity.read');
  const staff = reachPaths(actor, 'activity.read', ['community_worker', 'community_secretary', 'street_admin', 'district_admin']);
  const memberOnly = staff.length === 0;
  const conds: SQL[] = [underAny(reach, territory.path)];
  if (q.territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, q.territoryId));
    if (!node) throw notFound('territory', q.territoryId);
    conds.push(underAny([node.path], territory.path));
  }
  if (memberOnly) {
    conds.push(gte(activity.endsAt, q.from ?? new Date()));
    conds.push(eq(activity.state, q.state ?? 'published'));
  } else {
    conds.push(gte(activity.startsAt, q.from ?? new Date(Date.now() - 30 * 86_400_000)));
    if (q.state) conds.push(eq(activity.state, q.state));
  }
  if (q.to) conds.push(lte(activity.startsAt, q.to));
  if (q.kind) conds.push(eq(activity.kind, q.kind));
  const rows = await baseSelect(db).where(and(...conds)).orderBy(...ownCommunityFirst(actor, territory.path), asc(activity.startsAt)).limit(500);
  return views(db, actor, rows);
}

/** Adds the caller's own sign-up and points to each row: two queries for the whole page. */
async function views(db: Db, actor: Actor, rows: Row[]) {
  const ids = rows.map((r) => r.a.id);
  const me = actor.personId;
  const mine = me && ids.length
    ? await db.select().from(activitySignup).where(and(eq(activitySignup.personId, me), inArray(activitySignup.activityId, ids)))
    : [];
  const points = me && ids.length ? await pointsFor(db, me, ids) : new Map<string, number>();
  const own = memberCommunities(actor);
  const street = reachPaths(actor, 'activity.read', ['party_member']);
  return rows.map((r) => {
    const view: ActivityView = {
      a: r.a, territoryName: r.territoryName, serviceTitle: r.serviceTitle, category: r.category, signedUp: r.signedUp,
      near: reaches(own, r.path) ? 'community' : reaches(street, r.path) ? 'street' : null,
      mine: mine.find((s) => s.activityId === r.a.id) ?? null,
      myPoints: points.get(r.a.id) ?? null,
    };
    return presentActivity(view);
  });
}

/** Net points a member holds from each activity (an award and any reversal of it). */
export async function pointsFor(db: Db, personId: string, activityIds: string[]) {
  const rows = await db
    .select({ sourceId: pointsEntry.sourceId, points: sql<number>`sum(${pointsEntry.points})::int` })
    .from(pointsEntry)
    .where(and(eq(pointsEntry.sourceType, 'activity'), eq(pointsEntry.personId, personId), inArray(pointsEntry.sourceId, activityIds)))
    .groupBy(pointsEntry.sourceId);
  return new Map(rows.map((r) => [r.sourceId, r.points]));
}

/** The catalogue the caller reaches: members their street's, own community first. */
export async function listServices(db: Db, actor: Actor, q: { territoryId?: string; includeRetired?: boolean }) {
  const conds: SQL[] = [underAny(reachPaths(actor, 'service.read'), territory.path)];
  if (!q.includeRetired) conds.push(isNull(service.retiredAt));
  if (q.territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, q.territoryId));
    if (!node) throw notFound('territory', q.territoryId);
    conds.push(underAny([node.path], territory.path));
  }
  const rows = await db
    .select({ s: service, territoryName: territory.name })
    .from(service)
    .innerJoin(territory, eq(territory.id, service.territoryId))
    .where(and(...conds))
    .orderBy(...ownCommunityFirst(actor, territory.path), asc(service.category), asc(service.title))
    .limit(500);
  return rows.map((r) => presentService(r.s, r.territoryName));
}

export async function serviceInReach(db: Db, actor: Actor, permission: string, id: string) {
  const [row] = await db.select({ s: service, path: territory.path, territoryName: territory.name }).from(service).innerJoin(territory, eq(territory.id, service.territoryId)).where(eq(service.id, id));
  if (!row || !reaches(reachPaths(actor, permission), row.path)) throw notFound('service', id);
  return row;
}
