import { type SQL, and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Pii } from '../../core/pii.ts';
import { likePrefix } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { body } from '../../db/schema/bodies.ts';
import { demand, demandCategory, demandEvent } from '../../db/schema/demands.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { CLOSED_STATES, OPEN_STATES, type RequestRow } from './presenters.ts';

/** The district's categories in use, in the console's order: the Open311 services. */
export async function activeCategories(db: Db, districtId: string) {
  return db.select().from(demandCategory)
    .where(and(eq(demandCategory.districtId, districtId), isNull(demandCategory.retiredAt)))
    .orderBy(asc(demandCategory.sortOrder), asc(demandCategory.code));
}

export async function activeCategory(db: Db, districtId: string, code: string) {
  const [row] = await db.select().from(demandCategory)
    .where(and(eq(demandCategory.districtId, districtId), eq(demandCategory.code, code), isNull(demandCategory.retiredAt)));
  return row ?? null;
}

/** The district a keyless caller means: the one named by its division code, or the only one there is. */
export async function districtFor(db: Db, jurisdictionId: string | undefined): Promise<{ id: string } | 'required' | 'unknown'> {
  if (jurisdictionId) {
    const [row] = await db.select({ id: territory.id }).from(territory).where(and(eq(territory.code, jurisdictionId), eq(territory.kind, 'district')));
    return row ?? 'unknown';
  }
  const rows = await db.select({ id: territory.id }).from(territory).where(eq(territory.kind, 'district')).limit(2);
  return rows.length === 1 ? rows[0]! : 'required';
}

/** A node by its official code, when it lies at or below the key's node. */
export async function placeByCode(db: Db, code: string, underPath: string) {
  const [row] = await db.select({ id: territory.id, path: territory.path }).from(territory)
    .where(and(eq(territory.code, code), eq(territory.retired, false)));
  return row && row.path.startsWith(underPath) ? row : null;
}

export interface RequestFilter {
  /** The key's node path: nothing outside it is read. */
  underPath: string;
  ids?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  statuses?: ('open' | 'closed')[];
  limit: number;
}

const place = alias(territory, 'place');
const community = alias(territory, 'community');
const merged = alias(demand, 'merged');

/** What was done, as the resident and the public list read it: the last public resolve note. */
const resolution = sql<string | null>`case when ${demand.state} in ('resolved','closed') then (
  select ${demandEvent.note} from ${demandEvent}
  where ${demandEvent.demandId} = ${demand.id} and ${demandEvent.action} = 'resolve' and ${demandEvent.public}
  order by ${demandEvent.id} desc limit 1) end`;

/** The demands under a node: a district, street or community by its own column, deeper by path. */
function underNode(path: string): SQL {
  const ids = path.split('/').filter(Boolean);
  const id = ids[ids.length - 1]!;
  if (ids.length === 1) return eq(demand.districtId, id);
  if (ids.length === 2) return eq(demand.streetId, id);
  if (ids.length === 3) return eq(demand.communityId, id);
  return sql`${demand.path} like ${likePrefix(path)}`;
}

/**
 * The demands under the key's node, newest first, in one query: the id list overrides every other
 * filter (as the specification says), otherwise service codes, the requested-time window and status.
 */
export async function findRequests(db: Db, pii: Pii, f: RequestFilter): Promise<RequestRow[]> {
  const conds: SQL[] = [underNode(f.underPath)];
  if (f.ids) {
    conds.push(inArray(demand.no, f.ids));
  } else {
    if (f.serviceCodes) {
      // By the demand's own category column, so the planner filters while it reads the demands.
      const codes = db.select({ id: demandCategory.id }).from(demandCategory).where(inArray(demandCategory.code, f.serviceCodes));
      conds.push(inArray(demand.categoryId, codes));
    }
    if (f.from) conds.push(gte(demand.createdAt, f.from));
    if (f.to) conds.push(lte(demand.createdAt, f.to));
    if (f.statuses && f.statuses.length === 1) {
      conds.push(inArray(demand.state, [...(f.statuses[0] === 'open' ? OPEN_STATES : CLOSED_STATES)]));
    }
  }
  const rows = await db.select({
    no: demand.no, state: demand.state, description: demand.description, address: demand.address,
    lat: demand.lat, lng: demand.lng, createdAt: demand.createdAt, updatedAt: demand.updatedAt, dueAt: demand.dueAt,
    rejectReason: demand.rejectReason, categoryCode: demandCategory.code, categoryName: demandCategory.name,
    deadlineDays: demandCategory.deadlineDays, placeCode: place.code, placeName: place.name, communityName: community.name,
    handlerKind: demand.handlerKind, handlerName: body.name, mergedNo: merged.no, resolution,
    contactNameEnc: demand.contactNameEnc, reporterName: person.name,
  })
    .from(demand)
    .innerJoin(demandCategory, eq(demandCategory.id, demand.categoryId))
    .innerJoin(place, eq(place.id, demand.territoryId))
    .innerJoin(community, eq(community.id, demand.communityId))
    .leftJoin(body, eq(body.id, demand.handlerBodyId))
    .leftJoin(merged, eq(merged.id, demand.mergedIntoId))
    .leftJoin(person, eq(person.id, demand.reporterPersonId))
    .where(and(...conds))
    .orderBy(desc(demand.createdAt), desc(demand.no))
    .limit(f.limit);
  return rows.map(({ contactNameEnc, reporterName, ...r }) => ({
    ...r,
    names: [contactNameEnc ? pii.decrypt(contactNameEnc) : null, reporterName],
  }));
}

/** The request a token stands for, anywhere: the token is the secret. */
export async function requestByToken(db: Db, token: string) {
  const [row] = await db.select({ no: demand.no, token: demand.token }).from(demand).where(eq(demand.token, token));
  return row ?? null;
}
