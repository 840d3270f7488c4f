import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DomainError, notFound } from '../../core/errors.ts';
import { maskName } from '../../core/pii.ts';
import { type Actor, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { commendation, pointsBalance, pointsEntry, pointsNodeTotal, pointsRule } from '../../db/schema/members.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { periodsOf, yearStart } from './periods.ts';
import { firstValidYear, levelFor, ranksOfPage, starLevels } from './rules.ts';
import { balanceColumnOf } from './scope-column.ts';
import { districtOf, rankableNode } from './visibility.ts';

export async function listRules(db: Db, actor: Actor, districtId: string | undefined) {
  const id = districtId ?? districtOf(actor);
  if (!id) throw notFound('territory', 'district');
  await rankableNode(db, actor, id);
  const rows = await db.select().from(pointsRule).where(eq(pointsRule.districtId, id)).orderBy(asc(pointsRule.code), desc(pointsRule.validFrom));
  return { districtId: id, current: rows.filter((r) => r.validTo === null), history: rows.filter((r) => r.validTo !== null) };
}

const community = alias(territory, 'community');

/**
 * One page of a node's ranking, read from the balance index in points order. Only the page's
 * first rank needs counting (members with more points); the rest follow from the page itself.
 */
export async function ranking(db: Db, actor: Actor, q: { territoryId: string; period: string; page: number; pageSize: number }) {
  const { node, staff } = await rankableNode(db, actor, q.territoryId);
  const column = balanceColumnOf(node);
  const where = and(eq(column, node.id), eq(pointsBalance.period, q.period));
  const offset = (q.page - 1) * q.pageSize;
  const rows = await db
    .select({ personId: pointsBalance.personId, points: pointsBalance.points, name: person.name, communityId: community.id, communityName: community.name })
    .from(pointsBalance)
    .innerJoin(person, eq(person.id, pointsBalance.personId))
    .innerJoin(community, eq(community.id, pointsBalance.communityId))
    .where(where)
    // The rank index's own order (points desc nulls last, person): the page is a range of it.
    .orderBy(sql`${pointsBalance.points} desc nulls last`, asc(pointsBalance.personId))
    .limit(q.pageSize)
    .offset(offset);
  const [total, ahead] = await Promise.all([
    nodeTotal(db, node.id, q.period),
    rows[0] ? membersAhead(db, column, node.id, q.period, rows[0].points) : 0,
  ]);
  const ranks = ranksOfPage(rows.map((r) => r.points), 1 + ahead, offset);
  return {
    node: { id: node.id, name: node.name, kind: node.kind },
    period: q.period,
    items: rows.map((r, i) => ({
      rank: ranks[i]!, personId: r.personId, name: staff ? r.name : maskName(r.name),
      community: { id: r.communityId, name: r.communityName }, points: r.points,
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

/** "My points and my rank": the member's balances and their rank in community, street and district. */
export async function myPoints(db: Db, personId: string, period: string, now = new Date()) {
  const [all, year, quarter, month] = periodsOf(now);
  const balances = await db.select({ period: pointsBalance.period, points: pointsBalance.points, communityId: pointsBalance.communityId, streetId: pointsBalance.streetId, districtId: pointsBalance.districtId })
    .from(pointsBalance).where(and(eq(pointsBalance.personId, personId), inArray(pointsBalance.period, [...new Set([all!, year!, quarter!, month!, period])])));
  const of = (p: string) => balances.find((b) => b.period === p);
  const mine = of(period);
  const home = of('all');
  const levels = [['community', home?.communityId, pointsBalance.communityId], ['street', home?.streetId, pointsBalance.streetId], ['district', home?.districtId, pointsBalance.districtId]] as const;
  type Rank = { id: string; name: string; rank: number | null; total: number } | null;
  const ranks: { community: Rank; street: Rank; district: Rank } = { community: null, street: null, district: null };
  // "Ahead" is a range scan of the rank index (points above mine); the total is kept per node.
  await Promise.all(levels.map(async ([level, id, column]) => {
    if (!id) return;
    const [[node], ahead, total] = await Promise.all([
      db.select({ name: territory.name }).from(territory).where(eq(territory.id, id)),
      mine ? membersAhead(db, column, id, period, mine.points) : 0,
      nodeTotal(db, id, period),
    ]);
    ranks[level] = { id, name: node?.name ?? '', rank: mine ? 1 + ahead : null, total };
  }));
  return {
    period,
    points: mine?.points ?? 0,
    validPoints: await validPoints(db, personId, now),
    level: levelFor(of(year!)?.points ?? 0),
    balances: { all: of(all!)?.points ?? 0, year: of(year!)?.points ?? 0, quarter: of(quarter!)?.points ?? 0, month: of(month!)?.points ?? 0 },
    ranks,
  };
}

/** Members with a balance in a node for a period, as the award keeps it. */
async function nodeTotal(db: Db, nodeId: string, period: string) {
  const [row] = await db.select({ members: pointsNodeTotal.members }).from(pointsNodeTotal)
    .where(and(eq(pointsNodeTotal.nodeId, nodeId), eq(pointsNodeTotal.period, period)));
  return row?.members ?? 0;
}

/** Members of a node with more points than given in a period: a range of the rank index. */
async function membersAhead(db: Db, column: ReturnType<typeof balanceColumnOf>, nodeId: string, period: string, points: number) {
  const [row] = await db.select({ n: count() }).from(pointsBalance)
    .where(and(eq(column, nodeId), eq(pointsBalance.period, period), gt(pointsBalance.points, points)));
  return Number(row!.n);
}

const original = alias(pointsEntry, 'original');

/**
 * Points still valid today: entries under a rule whose current version says `annual` count only
 * from the start of last year (a reversal dates from the entry it reverses); `none` for ever.
 */
export async function validPoints(db: Db, personId: string, now = new Date()) {
  const since = yearStart(firstValidYear(Number(periodsOf(now)[1])));
  const [r] = await db
    .select({ sum: sql<number>`coalesce(sum(${pointsEntry.points}), 0)::int` })
    .from(pointsEntry)
    .leftJoin(original, eq(original.id, pointsEntry.reversesId))
    .leftJoin(pointsRule, and(eq(pointsRule.districtId, pointsEntry.districtId), eq(pointsRule.code, pointsEntry.ruleCode), isNull(pointsRule.validTo)))
    .where(and(eq(pointsEntry.personId, personId), sql`(${pointsRule.expiry} is distinct from 'annual' or coalesce(${original.createdAt}, ${pointsEntry.createdAt}) >= ${since.toISOString()})`));
  return Number(r!.sum);
}

const reversal = alias(pointsEntry, 'reversal');
const entryColumns = {
  id: pointsEntry.id, at: pointsEntry.createdAt, ruleCode: pointsEntry.ruleCode, points: pointsEntry.points, sourceType: pointsEntry.sourceType,
  sourceId: pointsEntry.sourceId, note: pointsEntry.note, reversesId: pointsEntry.reversesId, reversedBy: reversal.id,
  personId: pointsEntry.personId, personName: person.name,
};

/** Ledger entries, newest first, each with the entry that reversed it if any. */
async function entries(db: Db, where: ReturnType<typeof and>, page: number, pageSize: number) {
  const base = db.select(entryColumns).from(pointsEntry)
    .innerJoin(person, eq(person.id, pointsEntry.personId))
    .innerJoin(territory, eq(territory.id, pointsEntry.communityId))
    .leftJoin(reversal, eq(reversal.reversesId, pointsEntry.id));
  const rows = await base.where(where).orderBy(desc(pointsEntry.createdAt), desc(pointsEntry.id)).limit(pageSize).offset((page - 1) * pageSize);
  const [t] = await db.select({ n: count(), sum: sql<number>`coalesce(sum(${pointsEntry.points}), 0)::int` })
    .from(pointsEntry).innerJoin(territory, eq(territory.id, pointsEntry.communityId)).where(where);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total: Number(t!.n), sum: Number(t!.sum), page, pageSize };
}

export const myHistory = (db: Db, personId: string, page: number, pageSize: number) =>
  entries(db, eq(pointsEntry.personId, personId), page, pageSize);

export const ledger = (db: Db, actor: Actor, q: { personId?: string; page: number; pageSize: number }) =>
  entries(db, and(scope(actor, 'points.ledger', territory.path), q.personId ? eq(pointsEntry.personId, q.personId) : undefined), q.page, q.pageSize);

/** The year's commendations of a node's members, each member once at the highest level reached. */
export async function listCommendations(db: Db, actor: Actor, q: { territoryId: string; period: string }) {
  const { node, staff } = await rankableNode(db, actor, q.territoryId);
  const column = balanceColumnOf(node);
  const rows = await db
    .select({ id: commendation.id, personId: commendation.personId, name: person.name, level: commendation.level, period: commendation.period, points: commendation.points, awardedAt: commendation.awardedAt, communityId: community.id, communityName: community.name })
    .from(commendation)
    .innerJoin(pointsBalance, and(eq(pointsBalance.personId, commendation.personId), eq(pointsBalance.period, commendation.period)))
    .innerJoin(person, eq(person.id, commendation.personId))
    .innerJoin(community, eq(community.id, pointsBalance.communityId))
    .where(and(eq(column, node.id), eq(commendation.period, q.period)))
    .orderBy(desc(commendation.level), desc(commendation.points), asc(commendation.personId));
  const order = starLevels.map((l) => l.level as string);
  const seen = new Set<string>();
  return rows
    .sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || b.points - a.points)
    .filter((r) => !seen.has(r.personId) && seen.add(r.personId))
    .map((r) => ({
      id: r.id, personId: r.personId, name: staff ? r.name : maskName(r.name), community: { id: r.communityId, name: r.communityName },
      level: r.level, period: r.period, points: r.points, awardedAt: r.awardedAt.toISOString(),
    }));
}

export function noPerson(): never {
  throw new DomainError('member.noPerson', 409);
}
