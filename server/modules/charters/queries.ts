import { type SQL, and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { type Actor, grantsFor, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { charter, charterComment, charterVersion } from '../../db/schema/deliberation.ts';
import { territory } from '../../db/schema/territory.ts';
import { estate } from '../../db/schema/voting.ts';
import { underAny } from '../activities/reach.ts';
import { chartersPolicy as P } from './policy.ts';
import { presentCharter, presentComment, presentVersion } from './presenters.ts';

type Version = typeof charterVersion.$inferSelect;

/** Charters of the communities above the caller's home: a resident reads the ones of their community (and estate). */
function coveringHome(actor: Actor): SQL {
  const homes = grantsFor(actor, P['charter.comment']).map((g) => g.path);
  if (!homes.length) return sql`false`;
  return or(...homes.map((h) => sql`left(${h}, length(${charter.path})) = ${charter.path}`))!;
}

const select = (db: Db) =>
  db.select({ c: charter, territoryName: territory.name, estateName: estate.name })
    .from(charter)
    .innerJoin(territory, eq(territory.id, charter.territoryId))
    .leftJoin(estate, eq(estate.id, charter.estateId));

type Row = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];

/** Each charter with its newest version and the number of its published one. */
async function withVersions(db: Db, rows: Row[]) {
  if (!rows.length) return [];
  const versions = await db.select({ id: charterVersion.id, charterId: charterVersion.charterId, version: charterVersion.version, state: charterVersion.state, commentUntil: charterVersion.commentUntil })
    .from(charterVersion).where(inArray(charterVersion.charterId, rows.map((r) => r.c.id))).orderBy(desc(charterVersion.version));
  return rows.map((r) => {
    const own = versions.filter((v) => v.charterId === r.c.id);
    return presentCharter({ ...r, latest: own[0] ?? null, publishedVersion: own.find((v) => v.state === 'published')?.version ?? null });
  });
}

export interface CharterQuery {
  territoryId?: string;
  kind?: (typeof charter.$inferSelect)['kind'];
}

export async function listCharters(db: Db, actor: Actor, q: CharterQuery) {
  const conds: SQL[] = [scope(actor, P['charter.read'], charter.path)];
  if (q.kind) conds.push(eq(charter.kind, q.kind));
  if (q.territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, q.territoryId));
    if (!node) throw notFound('territory', q.territoryId);
    conds.push(underAny([node.path], charter.path));
  }
  return withVersions(db, await select(db).where(and(...conds)).orderBy(asc(territory.name), asc(charter.title)).limit(500));
}

async function versionsOf(db: Db, charterId: string, states?: Version['state'][]) {
  const conds = [eq(charterVersion.charterId, charterId)];
  if (states) conds.push(inArray(charterVersion.state, states));
  const rows = await db.select({ v: charterVersion, comments: count(charterComment.id) })
    .from(charterVersion).leftJoin(charterComment, eq(charterComment.versionId, charterVersion.id))
    .where(and(...conds)).groupBy(charterVersion.id).orderBy(desc(charterVersion.version));
  return rows.map((r) => presentVersion(r.v, r.comments));
}

/** A charter with all its versions, for staff who reach it; otherwise it does not exist for them. */
export async function charterDetail(db: Db, actor: Actor, id: string) {
  const [row] = await select(db).where(and(eq(charter.id, id), scope(actor, P['charter.read'], charter.path)));
  if (!row) throw notFound('charter', id);
  const [c] = await withVersions(db, [row]);
  return { ...c!, versions: await versionsOf(db, id) };
}

/** What a resident reads: the published version and the one open for comment, of charters of their community. */
export async function listHomeCharters(db: Db, actor: Actor) {
  const rows = await select(db).where(coveringHome(actor)).orderBy(asc(charter.title)).limit(200);
  const shown = await withVersions(db, rows);
  return shown.filter((c) => c.publishedVersion !== null || c.latest?.state === 'commenting');
}

export async function homeCharter(db: Db, actor: Actor, id: string) {
  const [row] = await select(db).where(and(eq(charter.id, id), coveringHome(actor)));
  if (!row) throw notFound('charter', id);
  const [c] = await withVersions(db, [row]);
  const versions = await versionsOf(db, id, ['published', 'commenting']);
  const mine = await db.select({ cc: charterComment, version: charterVersion.version }).from(charterComment)
    .innerJoin(charterVersion, eq(charterVersion.id, charterComment.versionId))
    .where(and(eq(charterVersion.charterId, id), eq(charterComment.accountId, actor.accountId))).orderBy(asc(charterComment.createdAt));
  return { ...c!, versions: versions.map((v) => ({ ...v, commentCount: 0 })), myComments: mine.map((m) => presentComment(m.cc, m.version, actor.accountId)) };
}

/**
 * For a resident: the version open for comment against the published one (null when the charter
 * has none yet). A charter with no version in comment has nothing to compare: 404.
 */
export async function homeCommentingPair(db: Db, actor: Actor, id: string) {
  const [row] = await db.select({ id: charter.id }).from(charter).where(and(eq(charter.id, id), coveringHome(actor)));
  if (!row) throw notFound('charter', id);
  const rows = await db.select().from(charterVersion).where(and(eq(charterVersion.charterId, id), inArray(charterVersion.state, ['published', 'commenting'])));
  const to = rows.find((r) => r.state === 'commenting');
  if (!to) throw notFound('charterVersion', id);
  return { from: rows.find((r) => r.state === 'published') ?? null, to };
}

/** A version with its charter's node, for actions to check their rights on. */
export async function versionWithCharter(db: Db, versionId: string) {
  const [row] = await db.select({ v: charterVersion, c: charter }).from(charterVersion)
    .innerJoin(charter, eq(charter.id, charterVersion.charterId)).where(eq(charterVersion.id, versionId));
  if (!row) throw notFound('charterVersion', versionId);
  return row;
}

export async function versionComments(db: Db, actor: Actor, versionId: string) {
  const { v, c } = await versionWithCharter(db, versionId);
  const [seen] = await db.select({ id: charter.id }).from(charter).where(and(eq(charter.id, c.id), scope(actor, P['charter.read'], charter.path)));
  if (!seen) throw notFound('charterVersion', versionId);
  const rows = await db.select().from(charterComment).where(eq(charterComment.versionId, versionId)).orderBy(asc(charterComment.createdAt));
  return rows.map((r) => presentComment(r, v.version, actor.accountId));
}

/** Two versions of a charter the caller reaches, by number. */
export async function versionPair(db: Db, actor: Actor, id: string, from: number, to: number) {
  const [row] = await db.select({ id: charter.id }).from(charter).where(and(eq(charter.id, id), scope(actor, P['charter.read'], charter.path)));
  if (!row) throw notFound('charter', id);
  const rows = await db.select().from(charterVersion).where(and(eq(charterVersion.charterId, id), inArray(charterVersion.version, [from, to])));
  return { from: rows.find((r) => r.version === from), to: rows.find((r) => r.version === to) };
}
