import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { audit } from '../../core/audit.ts';
import { DomainError } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { memberRegistration, pointsBalance, pointsEntry, pointsNodeTotal, pointsRule } from '../../db/schema/members.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { idsOfPath } from '../territory/rules.ts';
import { capped, periodsOf } from './periods.ts';

/** The advisory lock space of monthly caps (the two-key form, apart from the one-key locks). */
const CAP_LOCK = 727_110;

export type RuleCode = (typeof pointsRule.$inferSelect)['code'];

export interface Award {
  personId: string;
  ruleCode: RuleCode;
  sourceType: string;
  sourceId: string;
  /** Hours for `service_hour`; 1 otherwise. */
  quantity?: number;
  note?: string;
}

/**
 * Awards points for one source to one member, inside the caller's transaction. Idempotent: the
 * same (source, member, rule) awards once however often it is called — concurrent calls meet the
 * unique index and all but one get nothing. Returns the entry, or null if it was already awarded.
 */
export async function awardPoints(tx: Db, who: Parameters<typeof audit>[1], a: Award) {
  const home = await memberHome(tx, a.personId);
  const [rule] = await tx.select().from(pointsRule).where(and(eq(pointsRule.districtId, home.districtId), eq(pointsRule.code, a.ruleCode), isNull(pointsRule.validTo)));
  if (!rule) throw new DomainError('points.noRule', 409, { rule: a.ruleCode });
  const now = new Date();
  const raw = Math.round(rule.points * (a.quantity ?? 1));
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 8 * 3600_000);
  // Under a cap, two awards for one member and rule must not both read the month's total before
  // either adds to it: they queue on a lock of (member, rule) held until the transaction ends.
  if (rule.monthlyCap !== null) await tx.execute(sql`select pg_advisory_xact_lock(${CAP_LOCK}, hashtext(${`${a.personId}:${a.ruleCode}`}))`);
  const [month] = rule.monthlyCap === null ? [{ sum: 0 }] : await tx
    .select({ sum: sql<number>`coalesce(sum(${pointsEntry.points}), 0)::int` })
    .from(pointsEntry)
    .where(and(eq(pointsEntry.personId, a.personId), eq(pointsEntry.ruleCode, a.ruleCode), gte(pointsEntry.createdAt, monthStart)));
  const points = capped(raw, rule.monthlyCap, month!.sum);
  const [entry] = await tx
    .insert(pointsEntry)
    .values({ ...home, personId: a.personId, ruleId: rule.id, ruleCode: rule.code, sourceType: a.sourceType, sourceId: a.sourceId, points, note: a.note ?? null, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (!entry) return null;
  await addToBalances(tx, entry);
  await audit(tx, who, { action: 'points.award', targetType: 'person', targetId: a.personId, territoryId: home.communityId, after: { entryId: entry.id, rule: rule.code, points, source: `${a.sourceType}:${a.sourceId}` } });
  return entry;
}

/** A correction: a new entry with the opposite points, pointing at the one it reverses. */
export async function reverseEntry(tx: Db, who: Parameters<typeof audit>[1], entryId: number, note: string) {
  const [original] = await tx.select().from(pointsEntry).where(eq(pointsEntry.id, entryId));
  if (!original) throw new DomainError('notFound', 404, { what: 'points entry', id: String(entryId) });
  if (original.reversesId !== null) throw new DomainError('points.cannotReverseReversal', 409);
  const [already] = await tx.select({ id: pointsEntry.id }).from(pointsEntry).where(eq(pointsEntry.reversesId, entryId));
  if (already) throw new DomainError('points.alreadyReversed', 409);
  const { id: _id, createdAt: _c, ...rest } = original;
  const [entry] = await tx.insert(pointsEntry).values({ ...rest, points: -original.points, reversesId: original.id, note }).returning();
  await addToBalances(tx, entry!);
  await audit(tx, who, { action: 'points.reverse', targetType: 'person', targetId: original.personId, territoryId: original.communityId, before: { entryId }, after: { entryId: entry!.id, points: entry!.points, note } });
  return entry!;
}

/**
 * Adds an entry to the member's balance of every period it counts towards, and keeps the members
 * per node and period (`points_node_total`) in step: a balance created counts once in its
 * community, street and district; a balance moved to another home (a reversal of an entry made
 * elsewhere) leaves the old nodes for the new. The member's balances are locked first, then the
 * totals in one statement in a fixed order, so concurrent awards never wait on each other in a ring.
 */
async function addToBalances(tx: Db, e: typeof pointsEntry.$inferSelect) {
  const home = { communityId: e.communityId, streetId: e.streetId, districtId: e.districtId };
  const delta = new Map<string, number>();
  const move = (nodes: typeof home, by: number) => {
    for (const node of [nodes.districtId, nodes.streetId, nodes.communityId]) delta.set(node, (delta.get(node) ?? 0) + by);
  };
  const changes: { period: string; node: string; by: number }[] = [];
  let pending = periodsOf(e.createdAt);
  while (pending.length) {
    const held = await tx.select({ period: pointsBalance.period, communityId: pointsBalance.communityId, streetId: pointsBalance.streetId, districtId: pointsBalance.districtId })
      .from(pointsBalance).where(and(eq(pointsBalance.personId, e.personId), inArray(pointsBalance.period, pending))).for('update');
    if (held.length) {
      await tx.update(pointsBalance).set({ points: sql`${pointsBalance.points} + ${e.points}`, ...home })
        .where(and(eq(pointsBalance.personId, e.personId), inArray(pointsBalance.period, held.map((b) => b.period))));
    }
    for (const b of held) {
      if (b.communityId === home.communityId && b.streetId === home.streetId && b.districtId === home.districtId) continue;
      delta.clear(); move(b, -1); move(home, 1);
      for (const [node, by] of delta) if (by) changes.push({ period: b.period, node, by });
    }
    const missing = pending.filter((p) => !held.some((b) => b.period === p));
    const created = missing.length ? await tx.insert(pointsBalance)
      .values(missing.map((period) => ({ personId: e.personId, period, ...home, points: e.points })))
      .onConflictDoNothing().returning({ period: pointsBalance.period }) : [];
    for (const { period } of created) for (const node of [home.districtId, home.streetId, home.communityId]) changes.push({ period, node, by: 1 });
    // A balance another transaction created meanwhile: it is committed now, add to it as above.
    pending = missing.filter((p) => !created.some((c) => c.period === p));
  }
  if (!changes.length) return;
  changes.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  await tx.insert(pointsNodeTotal)
    .values(changes.map((c) => ({ nodeId: c.node, period: c.period, members: c.by })))
    .onConflictDoUpdate({ target: [pointsNodeTotal.nodeId, pointsNodeTotal.period], set: { members: sql`${pointsNodeTotal.members} + excluded.members` } });
}

/**
 * Where a member's points count: the community of a confirmed dual registration, otherwise the
 * community they live in; with its street and district.
 */
export async function memberHome(tx: Db, personId: string) {
  const [reg] = await tx
    .select({ path: territory.path, id: territory.id })
    .from(memberRegistration)
    .innerJoin(territory, eq(territory.id, memberRegistration.communityId))
    .where(and(eq(memberRegistration.personId, personId), eq(memberRegistration.state, 'confirmed')));
  const [lives] = reg ? [] : await tx.select({ path: territory.path }).from(person).innerJoin(territory, eq(territory.id, person.territoryId)).where(eq(person.id, personId));
  const path = reg?.path ?? lives?.path;
  if (!path) throw new DomainError('notFound', 404, { what: 'person', id: personId });
  const [districtId, streetId, communityId] = idsOfPath(path);
  if (!districtId || !streetId || !communityId) throw new DomainError('points.noCommunity', 409, { personId });
  return { districtId, streetId, communityId };
}
