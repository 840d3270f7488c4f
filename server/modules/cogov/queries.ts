import { type SQL, and, asc, count, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { type Actor, canAt, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { account } from '../../db/schema/accounts.ts';
import { body } from '../../db/schema/bodies.ts';
import { cogovMatter, cogovStage, meeting } from '../../db/schema/deliberation.ts';
import { territory } from '../../db/schema/territory.ts';
import { underAny } from '../activities/reach.ts';
import { type StageRow, presentMatter } from './presenters.ts';
import type { MatterState } from './rules.ts';

const select = (db: Db) =>
  db.select({ m: cogovMatter, communityName: territory.name }).from(cogovMatter).innerJoin(territory, eq(territory.id, cogovMatter.territoryId));

type MatterRow = { m: typeof cogovMatter.$inferSelect; communityName: string };

async function stagesOf(db: Db, matterIds: string[]): Promise<StageRow[]> {
  if (!matterIds.length) return [];
  const rows = await db.select({
    matterId: cogovStage.matterId, stage: cogovStage.stage, outcome: cogovStage.outcome, decidedOn: cogovStage.decidedOn, createdAt: cogovStage.createdAt,
    recordedBy: account.displayName,
    body: { id: body.id, name: body.name, kind: body.kind },
    meeting: { id: meeting.id, title: meeting.title, kind: meeting.kind, startsAt: meeting.startsAt },
  }).from(cogovStage)
    .leftJoin(account, eq(account.id, cogovStage.recordedBy))
    .leftJoin(body, eq(body.id, cogovStage.bodyId))
    .leftJoin(meeting, eq(meeting.id, cogovStage.meetingId))
    .where(inArray(cogovStage.matterId, matterIds))
    .orderBy(asc(cogovStage.createdAt));
  return rows;
}

async function present(db: Db, actor: Actor, rows: MatterRow[]) {
  const stages = await stagesOf(db, rows.map((r) => r.m.id));
  return rows.map((r) => presentMatter(r.m, r.communityName, stages.filter((s) => s.matterId === r.m.id), canAt(actor, 'cogov.manage', r.m.path)));
}

export interface MatterQuery {
  state?: MatterState;
  territoryId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listMatters(db: Db, actor: Actor, q: MatterQuery) {
  const conds: SQL[] = [scope(actor, 'cogov.read', cogovMatter.path)];
  if (q.state) conds.push(eq(cogovMatter.state, q.state));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
    conds.push(or(ilike(cogovMatter.title, like), ilike(cogovMatter.description, like))!);
  }
  if (q.territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, q.territoryId));
    if (!node) throw notFound('territory', q.territoryId);
    conds.push(underAny([node.path], cogovMatter.path));
  }
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    select(db).where(where).orderBy(desc(cogovMatter.createdAt), desc(cogovMatter.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(cogovMatter).where(where),
  ]);
  return { items: await present(db, actor, rows), total: total!.n, page: q.page, pageSize: q.pageSize };
}

/** A matter the caller may see; otherwise it does not exist for them. */
export async function visibleMatter(db: Db, actor: Actor, id: string) {
  const [row] = await select(db).where(and(eq(cogovMatter.id, id), scope(actor, 'cogov.read', cogovMatter.path)));
  if (!row) throw notFound('cogovMatter', id);
  return row;
}

export async function matterView(db: Db, actor: Actor, id: string) {
  return (await present(db, actor, [await visibleMatter(db, actor, id)]))[0]!;
}
