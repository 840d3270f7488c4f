import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { invalid } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { activity, activitySignup, pointsEntry } from '../../db/schema/members.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { nodeInSight } from '../territory/queries.ts';
import { presentActivity, presentSignup } from './presenters.ts';
import { activityInReach, pointsFor } from './queries.ts';
import { memberPerson, reachPaths, reaches, underAny } from './reach.ts';

/** The organiser's list: every sign-up of the activity with the member's name and state. */
export async function listSignups(db: Db, actor: Actor, activityId: string) {
  const { a } = await activityInReach(db, actor, 'activity.manage', activityId);
  const rows = await db.select({ s: activitySignup, name: person.name }).from(activitySignup)
    .innerJoin(person, eq(person.id, activitySignup.personId))
    .where(eq(activitySignup.activityId, activityId))
    .orderBy(activitySignup.signedUpAt);
  const awarded = await db.select({ personId: pointsEntry.personId, points: sql<number>`sum(${pointsEntry.points})::int` }).from(pointsEntry)
    .where(and(eq(pointsEntry.sourceType, 'activity'), eq(pointsEntry.sourceId, activityId)))
    .groupBy(pointsEntry.personId);
  const points = new Map(awarded.map((p) => [p.personId, p.points]));
  return rows.map((r) => ({ ...presentSignup(r.s, a, points.get(r.s.personId) ?? null), name: r.name }));
}

/** A member's own sign-ups, newest activity first. */
export async function mySignups(db: Db, actor: Actor) {
  const personId = memberPerson(actor);
  const rows = await db.select({ s: activitySignup, a: activity, territoryName: territory.name, path: territory.path }).from(activitySignup)
    .innerJoin(activity, eq(activity.id, activitySignup.activityId))
    .innerJoin(territory, eq(territory.id, activity.territoryId))
    .where(eq(activitySignup.personId, personId))
    .orderBy(desc(activity.startsAt))
    .limit(200);
  const points = rows.length ? await pointsFor(db, personId, rows.map((r) => r.a.id)) : new Map<string, number>();
  const counts = rows.length ? await liveCounts(db, rows.map((r) => r.a.id)) : new Map<string, number>();
  const own = actor.grants.filter((g) => g.role === 'party_member').map((g) => g.path);
  return rows.map((r) => {
    const pts = points.get(r.a.id) ?? null;
    return {
      signup: presentSignup(r.s, r.a, pts),
      activity: presentActivity({
        a: r.a, territoryName: r.territoryName, serviceTitle: null, category: null, signedUp: counts.get(r.a.id) ?? 0,
        near: reaches(own, r.path) ? 'community' : 'street', mine: r.s, myPoints: pts,
      }),
    };
  });
}

async function liveCounts(db: Db, ids: string[]) {
  const rows = await db.select({ id: activitySignup.activityId, n: sql<number>`count(*)::int` }).from(activitySignup)
    .where(and(inArray(activitySignup.activityId, ids), sql`${activitySignup.state} <> 'cancelled'`))
    .groupBy(activitySignup.activityId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The month's bounds in Asia/Shanghai, for "this month" as people in the district mean it. */
export function monthBounds(month: string) {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw invalid('month', 'field.invalid', { reason: 'YYYY-MM' });
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return { from: new Date(Date.UTC(y, mo - 1, 1) - 8 * 3_600_000), to: new Date(Date.UTC(y, mo, 1) - 8 * 3_600_000) };
}

export const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/**
 * Who is active: members who checked in to an activity of the territory during the month, with
 * how often and how many hours — the participation figure the study says is missing.
 */
export async function activeMembers(db: Db, actor: Actor, q: { territoryId?: string; month?: string }) {
  const month = q.month ?? thisMonth();
  const bounds = monthBounds(month);
  const paths = q.territoryId ? [(await nodeInSight(db, actor, 'activity.stats', q.territoryId)).path] : reachPaths(actor, 'activity.stats');
  const hours = sql<number>`coalesce(sum(round(least(extract(epoch from (${activitySignup.checkedOutAt} - ${activitySignup.checkedInAt})), extract(epoch from (${activity.endsAt} - ${activity.startsAt}))) / 1800) / 2.0), 0)::float`;
  const community = sql<string>`split_part(${territory.path}, '/', 4)`;
  const rows = await db
    .select({ personId: person.id, name: person.name, communityId: community, checkIns: sql<number>`count(*)::int`, hours })
    .from(activitySignup)
    .innerJoin(activity, eq(activity.id, activitySignup.activityId))
    .innerJoin(person, eq(person.id, activitySignup.personId))
    .innerJoin(territory, eq(territory.id, person.territoryId))
    .where(and(
      gte(activitySignup.checkedInAt, bounds.from), lt(activitySignup.checkedInAt, bounds.to),
      sql`${activity.territoryId} in (select id from ${territory} where ${underAny(paths, sql`path`)})`,
    ))
    .groupBy(person.id, person.name, community)
    .orderBy(desc(hours), person.name)
    .limit(1000);
  const ids = [...new Set(rows.map((r) => r.communityId).filter(Boolean))];
  const names = ids.length ? await db.select({ id: territory.id, name: territory.name }).from(territory).where(inArray(territory.id, ids)) : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return { month, items: rows.map((r) => ({ ...r, communityName: nameOf.get(r.communityId) ?? '' })) };
}
