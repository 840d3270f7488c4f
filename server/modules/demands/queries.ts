import { type SQL, and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '../../core/errors.ts';
import type { Pii } from '../../core/pii.ts';
import { type Actor, grantsFor, likePrefix, scope } from '../../core/policy.ts';
import { termsOf } from '../../core/text.ts';
import type { Db } from '../../db/client.ts';
import { body } from '../../db/schema/bodies.ts';
import {
  type DemandChannel, type DemandLevel, type DemandState, demand, demandCategory, demandEvent, demandLink, demandPhoto,
} from '../../db/schema/demands.ts';
import { territory } from '../../db/schema/territory.ts';
import { idsOfPath } from '../territory/rules.ts';
import { DEMAND_STAFF } from './policy.ts';
import { type DemandDetailOut, type DemandRow, presentDemand } from './presenters.ts';
import { actionsFor, canAssignLine, isLogger, isStaffFor } from './rights.ts';
import { MAX_PHOTOS, OPEN_STATES } from './rules.ts';

const place = alias(territory, 'place');
const community = alias(territory, 'community');
const gridNode = alias(territory, 'grid_node');
const merged = alias(demand, 'merged');

/**
 * Who sees a demand, as one SQL condition on the demand's own `path` (no join for scope): staff
 * their granted subtrees, grid workers their grid, deputies the ones they logged, residents and
 * party members the ones they reported.
 */
export function visibleDemands(actor: Actor): SQL {
  const staff = { ...actor, grants: actor.grants.filter((g) => (DEMAND_STAFF as readonly string[]).includes(g.role)) };
  const conds: SQL[] = [scope(staff, 'demand.read', demand.path)];
  const readers = grantsFor(actor, 'demand.read');
  if (actor.personId && readers.some((g) => g.role === 'resident' || g.role === 'party_member')) conds.push(eq(demand.reporterPersonId, actor.personId));
  if (readers.some((g) => g.role === 'deputy')) conds.push(eq(demand.createdBy, actor.accountId));
  return or(...conds)!;
}

/** Demands with the names their presentation needs (category, place, community, grid, handler, merged into). */
export const selectDemands = (db: Db) =>
  db.select({
    d: demand, categoryCode: demandCategory.code, categoryName: demandCategory.name,
    placeName: place.name, placeKind: place.kind, communityName: community.name, gridName: gridNode.name,
    bodyName: body.name, mergedNo: merged.no,
  })
    .from(demand)
    .innerJoin(demandCategory, eq(demandCategory.id, demand.categoryId))
    .innerJoin(place, eq(place.id, demand.territoryId))
    .innerJoin(community, eq(community.id, demand.communityId))
    .leftJoin(gridNode, eq(gridNode.id, demand.gridId))
    .leftJoin(body, eq(body.id, demand.handlerBodyId))
    .leftJoin(merged, eq(merged.id, demand.mergedIntoId));

/** A demand row as the caller sees it, with what the caller may do to it. */
export function presentFor(actor: Actor, pii: Pii, now = new Date()) {
  return (r: DemandRow) => presentDemand(r, { staff: isStaffFor(actor, r.d), mine: isLogger(actor, r.d), actions: actionsFor(actor, r.d, now) }, pii, now);
}

export interface DemandQuery {
  /** Any of these states. */
  state?: DemandState[];
  categoryId?: string;
  territoryId?: string;
  level?: DemandLevel;
  channel?: DemandChannel;
  overdue?: boolean;
  q?: string;
  mine?: boolean;
  page: number;
  pageSize: number;
}

/** The conditions of a list, all on the demand table's own columns so the count needs no join. */
async function listConditions(db: Db, actor: Actor, q: DemandQuery, now: Date): Promise<SQL[]> {
  const conds: SQL[] = [visibleDemands(actor)];
  if (q.state?.length) conds.push(inArray(demand.state, q.state));
  if (q.categoryId) conds.push(eq(demand.categoryId, q.categoryId));
  if (q.level) conds.push(eq(demand.level, q.level));
  if (q.channel) conds.push(eq(demand.channel, q.channel));
  if (q.overdue) conds.push(lt(demand.dueAt, now), inArray(demand.state, [...OPEN_STATES]));
  if (q.mine) {
    const mine = [eq(demand.createdBy, actor.accountId)];
    if (actor.personId) mine.push(eq(demand.reporterPersonId, actor.personId));
    conds.push(or(...mine)!);
  }
  if (q.territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, q.territoryId));
    if (!node) throw notFound('territory', q.territoryId);
    // A street or community by its own column (one index range); deeper nodes by path prefix.
    const depth = idsOfPath(node.path).length - 1;
    const inNode = depth === 0 ? eq(demand.districtId, q.territoryId)
      : depth === 1 ? eq(demand.streetId, q.territoryId)
        : depth === 2 ? eq(demand.communityId, q.territoryId)
          : sql`${demand.path} like ${likePrefix(node.path)}`;
    // A node inside the caller's staff sight: the sight adds nothing to it, so it is not repeated.
    const staffSight = grantsFor(actor, 'demand.read').some((g) => (DEMAND_STAFF as readonly string[]).includes(g.role) && node.path.startsWith(g.path));
    if (staffSight) conds[0] = inNode;
    else conds.push(inNode);
  }
  const text = q.q?.trim();
  if (text && /^sq\d{1,13}$/i.test(text)) {
    // A demand's number, whole or its beginning (SQ20261129…), as people read it off a notice.
    conds.push(sql`${demand.no} like ${`${text.toUpperCase()}%`}`);
  } else if (text) {
    const terms = termsOf(text);
    conds.push(terms.length
      ? sql`${demand.terms} @> ${sql`array[${sql.join(terms.map((w) => sql`${w}`), sql`, `)}]::text[]`}`
      : sql`${demand.title} ilike ${`%${text.replace(/[\\%_]/g, '\\$&')}%`}`);
  }
  return conds;
}

/** Beyond this many matches a list's total is not counted further: it reads "10,000+". */
export const TOTAL_CAP = 10_000;

/**
 * One page of the demands the caller sees, newest first, and how many there are — counted up to
 * `TOTAL_CAP` (`totalCapped` when there are more), so a large street's pages do not count it whole.
 */
export async function listDemands(db: Db, pii: Pii, actor: Actor, q: DemandQuery, cap = TOTAL_CAP) {
  const now = new Date();
  const where = and(...(await listConditions(db, actor, q, now)));
  const matches = db.select({ one: sql`1`.as('one') }).from(demand).where(where).limit(cap + 1).as('matches');
  const [rows, [counted]] = await Promise.all([
    selectDemands(db).where(where).orderBy(desc(demand.createdAt), desc(demand.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(matches),
  ]);
  const n = Number(counted?.n ?? 0);
  return { items: rows.map(presentFor(actor, pii, now)), total: Math.min(n, cap), totalCapped: n > cap, page: q.page, pageSize: q.pageSize };
}

/** A demand the caller may see; otherwise it does not exist for them. */
export async function visibleDemand(db: Db, actor: Actor, id: string): Promise<DemandRow> {
  const [row] = await selectDemands(db).where(and(eq(demand.id, id), visibleDemands(actor)));
  if (!row) throw notFound('demand', id);
  return row;
}

/** The whole story of a demand as the caller may read it. */
export async function demandDetail(db: Db, pii: Pii, actor: Actor, id: string): Promise<DemandDetailOut> {
  const row = await visibleDemand(db, actor, id);
  const staff = isStaffFor(actor, row.d);
  const [steps, photos, links, duplicates] = await Promise.all([
    db.select().from(demandEvent).where(and(eq(demandEvent.demandId, id), staff ? undefined : eq(demandEvent.public, true))).orderBy(asc(demandEvent.id)),
    db.select().from(demandPhoto).where(eq(demandPhoto.demandId, id)).orderBy(asc(demandPhoto.createdAt), asc(demandPhoto.id)),
    db.select().from(demandLink).where(eq(demandLink.demandId, id)).orderBy(asc(demandLink.createdAt)),
    staff ? db.select({ id: demand.id, no: demand.no, title: demand.title }).from(demand).where(eq(demand.mergedIntoId, id)).orderBy(asc(demand.createdAt)) : [],
  ]);
  const shown = presentFor(actor, pii)(row);
  return {
    ...shown,
    // A full demand offers no more photo uploads.
    actions: photos.length >= MAX_PHOTOS ? shown.actions.filter((a) => a !== 'photo') : shown.actions,
    steps: steps.map((s) => ({
      id: s.id, action: s.action, fromState: s.fromState, toState: s.toState, actorName: s.actorName, note: s.note,
      data: s.data ?? null, at: s.at.toISOString(),
    })),
    photos: photos.map((p) => ({ id: p.id, stage: p.stage, url: `/api/demands/${id}/photos/${p.id}` })),
    links: links.map((l) => ({ targetType: l.targetType, targetId: l.targetId, note: l.note, createdAt: l.createdAt.toISOString() })),
    duplicates,
  };
}

/** A photo of a demand the caller sees. */
export async function visiblePhoto(db: Db, actor: Actor, id: string, photoId: string) {
  await visibleDemand(db, actor, id);
  const [photo] = await db.select().from(demandPhoto).where(and(eq(demandPhoto.id, photoId), eq(demandPhoto.demandId, id)));
  if (!photo) throw notFound('photo', photoId);
  return photo;
}

/** The kinds of body a demand may be handed to (a village's committee stands for a residents' committee). */
const LOCAL_KINDS = ['property_company', 'owners_committee', 'residents_committee', 'villagers_committee', 'police_station'] as const;

/**
 * Bodies a demand may be assigned to: those on its place's chain of ancestors or inside its
 * community, and — for the street or district holding it — their line departments.
 */
export async function handlersFor(db: Db, actor: Actor, d: DemandRow['d']) {
  const ids = idsOfPath(d.path);
  const communityPath = `/${ids.slice(0, 3).join('/')}/`;
  const lineAt = d.level === 'district' ? [d.districtId, d.streetId] : d.level === 'street' ? [d.streetId] : [];
  const local = and(inArray(body.kind, [...LOCAL_KINDS]), or(inArray(body.territoryId, ids), sql`${territory.path} like ${likePrefix(communityPath)}`));
  const line = lineAt.length && canAssignLine(actor, d) ? and(eq(body.kind, 'line_department'), inArray(body.territoryId, lineAt)) : undefined;
  return db.select({ id: body.id, name: body.name, kind: body.kind, territoryName: territory.name, answerDays: body.answerDays })
    .from(body)
    .innerJoin(territory, eq(territory.id, body.territoryId))
    .where(and(isNull(body.retiredAt), line ? or(local, line) : local))
    .orderBy(asc(territory.depth), asc(body.kind), asc(body.name));
}

/** The categories of the caller's district(s), in the district's order. */
export async function listCategories(db: Db, actor: Actor, withRetired: boolean) {
  const districts = [...new Set(actor.grants.map((g) => idsOfPath(g.path)[0]).filter((id): id is string => !!id))];
  if (!districts.length) return [];
  return db.select().from(demandCategory)
    .where(and(inArray(demandCategory.districtId, districts), withRetired ? undefined : isNull(demandCategory.retiredAt)))
    .orderBy(asc(demandCategory.sortOrder), asc(demandCategory.code));
}
