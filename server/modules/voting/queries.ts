import { type SQL, and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { DomainError, notFound } from '../../core/errors.ts';
import type { Pii } from '../../core/pii.ts';
import { type Actor, canAt, grantsFor, scope } from '../../core/policy.ts';
import { type Db, rowsOf } from '../../db/client.ts';
import { territory } from '../../db/schema/territory.ts';
import { ballot, estate, estateOwner, exclusiveUnit, voteMatter } from '../../db/schema/voting.ts';
import { votingPolicy as P } from './policy.ts';
import { normalizeReceipt, receiptHash } from './receipts.ts';
import type { Counts } from './tally.ts';

/** The area that counts, in SQL: registered, else surveyed, else contract. */
export const areaSql = sql<number>`coalesce(${exclusiveUnit.registeredArea}, ${exclusiveUnit.surveyedArea}, ${exclusiveUnit.contractArea})`;

/**
 * An owner's account reaches an estate whose node lies on the way to their own (a resident is
 * granted on their building, the estate sits on the community above it) or inside it.
 */
export function voterReaches(actor: Actor, path: string): boolean {
  return grantsFor(actor, P['voting.vote']).some((g) => g.path.startsWith(path) || path.startsWith(g.path));
}

/** The estate with its node, when the caller may see it for `permission`; otherwise it does not exist. */
export async function estateFor(db: Db, actor: Actor, permission: string, id: string) {
  const [row] = await db.select({ e: estate, path: territory.path, territoryName: territory.name })
    .from(estate).innerJoin(territory, eq(territory.id, estate.territoryId)).where(eq(estate.id, id));
  if (!row || !canAt(actor, permission, row.path)) throw notFound('estate', id);
  return row;
}

/** A matter with its estate and node, when the caller may see it for `permission`. */
export async function matterFor(db: Db, actor: Actor, permission: string, id: string, lock?: 'update' | 'share') {
  const q = db.select({ m: voteMatter, e: estate, path: territory.path })
    .from(voteMatter).innerJoin(estate, eq(estate.id, voteMatter.estateId)).innerJoin(territory, eq(territory.id, estate.territoryId))
    .where(eq(voteMatter.id, id));
  const [row] = lock ? await q.for(lock, { of: voteMatter }) : await q;
  const sees = row && (permission === P['voting.vote'] ? voterReaches(actor, row.path) : canAt(actor, permission, row.path));
  if (!row || !sees) throw notFound('matter', id);
  return row;
}

/** Owners and areas of each estate, from the register. */
const registerFigures = (db: Db) => db.select({
  estateId: exclusiveUnit.estateId,
  units: sql<number>`count(*)::int`.as('units'),
  owners: sql<number>`count(distinct ${exclusiveUnit.ownerId})::int`.as('owners'),
  area: sql<number>`coalesce(sum(${areaSql}), 0)::bigint`.as('area'),
}).from(exclusiveUnit).groupBy(exclusiveUnit.estateId).as('fig');

export async function listEstates(db: Db, actor: Actor, territoryId?: string) {
  const fig = registerFigures(db);
  const conds: SQL[] = [scope(actor, P['voting.read'], territory.path)];
  if (territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, territoryId));
    if (!node) throw notFound('territory', territoryId);
    conds.push(sql`${territory.path} like ${`${node.path}%`}`);
  }
  const rows = await db.select({
    e: estate, territoryName: territory.name,
    units: sql<number>`coalesce(${fig.units}, 0)`, owners: sql<number>`coalesce(${fig.owners}, 0)`, area: sql<string>`coalesce(${fig.area}, 0)`,
    openMatters: sql<number>`(select count(*)::int from ${voteMatter} where ${voteMatter.estateId} = ${estate.id} and ${voteMatter.state} = 'open')`,
  }).from(estate).innerJoin(territory, eq(territory.id, estate.territoryId)).leftJoin(fig, eq(fig.estateId, estate.id))
    .where(and(...conds)).orderBy(asc(territory.path), asc(estate.name)).limit(500);
  return rows.map((r) => ({ ...r, area: Number(r.area) }));
}

export async function estateFigures(db: Db, estateId: string) {
  const [r] = await db.select({
    units: sql<number>`count(*)::int`, owners: sql<number>`count(distinct ${exclusiveUnit.ownerId})::int`,
    area: sql<string>`coalesce(sum(${areaSql}), 0)`,
  }).from(exclusiveUnit).where(eq(exclusiveUnit.estateId, estateId));
  return { units: r!.units, owners: r!.owners, area: Number(r!.area), openMatters: 0 };
}

/** The register unit by unit, with each unit's owner (names are masked by the presenter's caller). */
export async function listUnits(db: Db, estateId: string) {
  return db.select({ u: exclusiveUnit, o: { id: estateOwner.id, nameMasked: estateOwner.nameMasked, isDeveloper: estateOwner.isDeveloper, personId: estateOwner.personId } })
    .from(exclusiveUnit).innerJoin(estateOwner, eq(estateOwner.id, exclusiveUnit.ownerId))
    .where(eq(exclusiveUnit.estateId, estateId)).orderBy(asc(exclusiveUnit.label)).limit(20_000);
}

export async function listMatters(db: Db, estateIds: string[]) {
  if (estateIds.length === 0) return [];
  return db.select({ m: voteMatter, ballots: sql<number>`(select count(*)::int from ${ballot} where ${ballot.matterId} = ${voteMatter.id})` })
    .from(voteMatter).where(inArray(voteMatter.estateId, estateIds)).orderBy(desc(voteMatter.createdAt));
}

/**
 * Every figure of the tally in one aggregate over the register and the ballots: owners with
 * their summed areas, left-joined to their ballot on this matter. Cheap at thousands of units.
 */
export async function countVotes(db: Db, estateId: string, matterId: string): Promise<Counts> {
  const res = await db.execute(sql`
    with owner_area as (
      select ${exclusiveUnit.ownerId} as owner_id, sum(${areaSql}) as area
      from ${exclusiveUnit} where ${exclusiveUnit.estateId} = ${estateId} group by ${exclusiveUnit.ownerId}
    )
    select
      count(*) as "totalOwners", coalesce(sum(oa.area), 0) as "totalArea",
      count(b.id) as "participatingOwners", coalesce(sum(oa.area) filter (where b.id is not null), 0) as "participatingArea",
      count(*) filter (where b.choice = 'for') as "forOwners", coalesce(sum(oa.area) filter (where b.choice = 'for'), 0) as "forArea",
      count(*) filter (where b.choice = 'against') as "againstOwners", coalesce(sum(oa.area) filter (where b.choice = 'against'), 0) as "againstArea",
      count(*) filter (where b.choice = 'abstain') as "abstainOwners", coalesce(sum(oa.area) filter (where b.choice = 'abstain'), 0) as "abstainArea"
    from owner_area oa left join ${ballot} b on b.owner_id = oa.owner_id and b.matter_id = ${matterId}`);
  const r = rowsOf<Record<keyof Counts, string>>(res)[0]!;
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])) as unknown as Counts;
}

/** The owner the caller's person is on this estate's register, if any. */
export async function ownerOf(db: Db, actor: Actor, estateId: string) {
  if (!actor.personId) return null;
  const [o] = await db.select().from(estateOwner).where(and(eq(estateOwner.estateId, estateId), eq(estateOwner.personId, actor.personId)));
  return o ?? null;
}

/** The open and closed matters of every estate where the caller's person is an owner, with their own ballot. */
export async function myMatters(db: Db, actor: Actor) {
  if (!actor.personId) return [];
  const rows = await db.select({ m: voteMatter, e: estate, path: territory.path, b: ballot })
    .from(estateOwner)
    .innerJoin(estate, eq(estate.id, estateOwner.estateId))
    .innerJoin(territory, eq(territory.id, estate.territoryId))
    .innerJoin(voteMatter, and(eq(voteMatter.estateId, estate.id), inArray(voteMatter.state, ['open', 'closed'])))
    .leftJoin(ballot, and(eq(ballot.matterId, voteMatter.id), eq(ballot.ownerId, estateOwner.id)))
    .where(eq(estateOwner.personId, actor.personId))
    .orderBy(sql`case when ${voteMatter.state} = 'open' then 0 else 1 end`, desc(voteMatter.opensAt));
  return rows.filter((r) => voterReaches(actor, r.path));
}

/**
 * What a receipt code proves for a matter: that the ballot was counted. Its choice only to the
 * owner who cast it, so a code seen over someone's shoulder reveals nothing of their vote. Anyone
 * may ask (an owner checks from any device, logged in or not); the answer names no one.
 */
export async function checkReceipt(db: Db, pii: Pii, actor: Actor | null, matterId: string, code: string) {
  const receipt = normalizeReceipt(code);
  const [row] = await db.select({ b: ballot, m: voteMatter, estateName: estate.name, personId: estateOwner.personId })
    .from(ballot).innerJoin(voteMatter, eq(voteMatter.id, ballot.matterId)).innerJoin(estate, eq(estate.id, voteMatter.estateId))
    .innerJoin(estateOwner, eq(estateOwner.id, ballot.ownerId))
    .where(and(eq(ballot.matterId, matterId), or(eq(ballot.receiptHash, receiptHash(pii, receipt)), eq(ballot.legacyReceipt, receipt))));
  if (!row) throw new DomainError('voting.receiptUnknown', 404, { matterId });
  const mine = !!actor?.personId && row.personId === actor.personId;
  return {
    counted: true as const, matterTitle: row.m.title, estateName: row.estateName, matterState: row.m.state as 'open' | 'closed',
    mine, choice: mine ? row.b.choice : null,
  };
}
