import { and, asc, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '../../core/errors.ts';
import { type Actor, canAt } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { activity, activitySignup, memberRegistration as r, pointsEntry } from '../../db/schema/members.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { yearStart } from '../points/periods.ts';
import { bodyWithPath } from './queries.ts';

const community = alias(territory, 'community');

/**
 * What a workplace party organisation may know of its members' community service in a year:
 * their registration, points entries and activity sign-ups. Members are those who named the
 * body in a registration they have not withdrawn; the latest such registration stands.
 */
export async function workplaceRecords(db: Db, actor: Actor, bodyId: string, year: number) {
  const b = await bodyWithPath(db, bodyId).catch(() => null);
  if (!b || !canAt(actor, 'registration.workplace', b.path)) throw notFound('body', bodyId);
  const regs = await db
    .select({ id: r.id, personId: r.personId, name: person.name, communityId: community.id, communityName: community.name, state: r.state, submittedAt: r.submittedAt, decidedAt: r.decidedAt })
    .from(r).innerJoin(person, eq(person.id, r.personId)).innerJoin(community, eq(community.id, r.communityId))
    .where(and(eq(r.workplaceOrgId, bodyId), ne(r.state, 'withdrawn')))
    .orderBy(asc(person.name), asc(r.personId), asc(r.submittedAt));
  const latest = new Map(regs.map((x) => [x.personId, x]));
  const ids = [...latest.keys()];
  const from = yearStart(year);
  const to = yearStart(year + 1);
  const entries = ids.length === 0 ? [] : await db.select().from(pointsEntry)
    .where(and(inArray(pointsEntry.personId, ids), gte(pointsEntry.createdAt, from), lt(pointsEntry.createdAt, to))).orderBy(asc(pointsEntry.createdAt), asc(pointsEntry.id));
  const signups = ids.length === 0 ? [] : await db
    .select({ personId: activitySignup.personId, activityId: activity.id, title: activity.title, kind: activity.kind, startsAt: activity.startsAt, state: activitySignup.state, checkedInAt: activitySignup.checkedInAt, checkedOutAt: activitySignup.checkedOutAt })
    .from(activitySignup).innerJoin(activity, eq(activity.id, activitySignup.activityId))
    .where(and(inArray(activitySignup.personId, ids), gte(activity.startsAt, from), lt(activity.startsAt, to))).orderBy(asc(activity.startsAt));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    body: { id: b.id, name: b.name },
    year,
    members: [...latest.values()].map((m) => {
      const mine = entries.filter((e) => e.personId === m.personId);
      return {
        personId: m.personId, name: m.name, community: { id: m.communityId, name: m.communityName },
        registration: { id: m.id, state: m.state, submittedAt: m.submittedAt.toISOString(), decidedAt: iso(m.decidedAt) },
        points: mine.reduce((s, e) => s + e.points, 0),
        entries: mine.map((e) => ({ id: e.id, at: e.createdAt.toISOString(), ruleCode: e.ruleCode, points: e.points, sourceType: e.sourceType, sourceId: e.sourceId, note: e.note, reversesId: e.reversesId })),
        activities: signups.filter((s) => s.personId === m.personId).map((s) => ({
          activityId: s.activityId, title: s.title, kind: s.kind, startsAt: s.startsAt.toISOString(), state: s.state, checkedInAt: iso(s.checkedInAt), checkedOutAt: iso(s.checkedOutAt),
        })),
      };
    }),
  };
}
export type WorkplaceRecords = Awaited<ReturnType<typeof workplaceRecords>>;
