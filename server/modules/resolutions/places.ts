import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { body } from '../../db/schema/bodies.ts';
import { meeting } from '../../db/schema/deliberation.ts';
import { territory } from '../../db/schema/territory.ts';

/** `col` holds a path on the same branch as `path`: the node itself, one of its ancestors, or inside it. */
const sameBranch = (col: unknown, path: string) => or(sql`${path} like ${col} || '%'`, sql`${col} like ${path} || '%'`)!;

/** A live body at the node, above it or inside it: who may answer for a resolution or a stage there. */
export async function bodyNear(db: Db, bodyId: string, path: string) {
  const [b] = await db.select({ id: body.id, name: body.name, kind: body.kind }).from(body)
    .innerJoin(territory, eq(territory.id, body.territoryId))
    .where(and(eq(body.id, bodyId), isNull(body.retiredAt), sameBranch(territory.path, path)));
  return b;
}

/** A meeting at the node, above it (a street's joint conference) or inside it. */
export async function meetingNear(db: Db, meetingId: string, path: string) {
  const [m] = await db.select({ id: meeting.id, kind: meeting.kind, startsAt: meeting.startsAt }).from(meeting)
    .where(and(eq(meeting.id, meetingId), sameBranch(meeting.path, path)));
  return m;
}
