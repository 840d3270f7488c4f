import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { activity, activitySignup, service, wish } from '../db/schema/members.ts';
import type { Node } from './factories.ts';

/** Builders for the catalogue, activities and wishes, shared by the demo district and the tests. */
export async function makeService(db: Db, community: Node, o: Partial<typeof service.$inferInsert> = {}) {
  const [s] = await db.insert(service).values({ territoryId: community.id, category: '邻里互助', title: '邻里互助服务', ...o }).returning();
  return s!;
}

const HOUR = 3_600_000;

/** By default a volunteer activity tomorrow, two hours long, ten places, cancellable until two hours before. */
export async function makeActivity(db: Db, community: Node, o: Partial<typeof activity.$inferInsert> = {}) {
  const startsAt = o.startsAt ?? new Date(Date.now() + 24 * HOUR);
  const [a] = await db.insert(activity).values({
    territoryId: community.id, kind: 'volunteer', title: '志愿服务', capacity: 10,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR), cancelDeadline: new Date(startsAt.getTime() - 2 * HOUR),
    qrSecret: randomBytes(32).toString('base64url'), ...o, startsAt,
  }).returning();
  return a!;
}

export async function makeSignup(db: Db, activityId: string, personId: string, o: Partial<typeof activitySignup.$inferInsert> = {}) {
  const [s] = await db.insert(activitySignup).values({ activityId, personId, ...o }).returning();
  return s!;
}

/** A wish of a resident at the resident's own node; open (approved) unless told otherwise. */
export async function makeWish(db: Db, resident: { id: string; territoryId: string }, o: Partial<typeof wish.$inferInsert> = {}) {
  const [w] = await db.insert(wish).values({ territoryId: resident.territoryId, residentId: resident.id, title: '微心愿', state: 'open', ...o }).returning();
  return w!;
}
