import { type SQL, and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';
import { demand, demandCategory } from '../../db/schema/demands.ts';
import { territory } from '../../db/schema/territory.ts';
import { addDays, dayOf, loadExceptions } from '../demands/calendar.ts';
import { recordStep } from '../demands/events.ts';
import { tellHolders } from '../demands/notices.ts';
import { OPEN_STATES } from '../demands/rules.ts';
import { raisedColumns, tellRaised } from './actions/raise-level.ts';
import { acceptanceCutoff, remindBefore } from './rules.ts';

const TIMER = { system: 'deadline-timer' } as const;

type Demand = typeof demand.$inferSelect;
type Exceptions = Awaited<ReturnType<typeof loadExceptions>>;

/**
 * What the deadline timer does every minute, on every instance: reminds the holders of demands
 * about to fall due, and takes overdue ones one level up. Each demand is handled in a transaction
 * of its own that locks it (`skip locked`: another instance has it) and re-reads the condition, so
 * however many instances run at once, each reminder and each escalation happens exactly once.
 */
export async function runDeadlineJobs(ctx: AppContext, now = new Date()): Promise<{ reminded: number; escalated: number }> {
  let reminded = 0;
  let escalated = 0;
  const failed: string[] = [];
  const districts = await ctx.db.select({ id: territory.id }).from(territory).where(and(eq(territory.kind, 'district'), isNull(territory.parentId)));
  for (const { id } of districts) {
    const today = dayOf(now);
    const ex = await loadExceptions(ctx.db, id, addDays(today, -60), addDays(today, 120));
    escalated += await escalateOverdue(ctx, id, ex, now, failed);
    reminded += await remindDueSoon(ctx, id, ex, now, failed);
  }
  // A demand that fails does not hold up the others; the run reports the failures at its end.
  if (failed.length) throw new Error(`deadline jobs: ${failed.length} demand(s) failed, first ${failed[0]}`);
  return { reminded, escalated };
}

/** Overdue: an open demand past its deadline, or a submitted one nobody accepted in time. */
function overdue(districtId: string, ex: Exceptions, now: Date): SQL {
  return and(
    eq(demand.districtId, districtId),
    // Written so the open branch matches the partial index on due_at (open states only).
    or(
      and(inArray(demand.state, [...OPEN_STATES]), lt(demand.dueAt, now)),
      and(eq(demand.state, 'submitted'), or(lt(demand.dueAt, now), and(isNull(demand.dueAt), lt(demand.createdAt, acceptanceCutoff(now, ex))))),
    ),
  )!;
}

async function escalateOverdue(ctx: AppContext, districtId: string, ex: Exceptions, now: Date, failed: string[]): Promise<number> {
  const condition = overdue(districtId, ex, now);
  const candidates = await ctx.db.select({ id: demand.id }).from(demand).where(condition);
  return eachApart(candidates, (id) => escalateOne(ctx, id, condition, now), failed);
}

/** One transaction per demand; a failure is noted and the next demand taken. */
async function eachApart(candidates: { id: string }[], run: (id: string) => Promise<boolean>, failed: string[]): Promise<number> {
  let n = 0;
  for (const { id } of candidates) {
    try {
      if (await run(id)) n++;
    } catch (err) {
      failed.push(`${id}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return n;
}

/** One overdue demand up one level (the district keeps it, with a fresh deadline), or nothing if it moved meanwhile. */
function escalateOne(ctx: AppContext, id: string, condition: SQL, now: Date): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [d] = await tx.select().from(demand).where(and(eq(demand.id, id), condition)).for('update', { skipLocked: true });
    if (!d) return false;
    const set = await raisedColumns(tx, d, now);
    const [after] = await tx.update(demand).set(set).where(and(eq(demand.id, id), eq(demand.level, d.level), sameInstant(demand.dueAt, d.dueAt))).returning();
    if (!after) return false;
    const data = { fromLevel: d.level, toLevel: after.level, reason: 'overdue', dueAt: set.dueAt.toISOString() };
    await recordStep(tx, id, TIMER, { action: 'escalate', from: d.state, to: d.state, data });
    await audit(tx, TIMER, {
      action: 'demand.escalate', targetType: 'demand', targetId: id, territoryId: d.territoryId,
      before: { level: d.level, dueAt: d.dueAt, state: d.state }, after: { level: after.level, dueAt: after.dueAt, escalatedAt: now, reason: 'overdue' },
    });
    await tellRaised(tx, ctx.pii, d, after, 'overdue');
    return true;
  });
}

/** Still the deadline that was read (to the millisecond a JavaScript date keeps), or still none. */
const sameInstant = (col: typeof demand.dueAt, at: Date | null): SQL =>
  at ? sql`date_trunc('milliseconds', ${col}) = ${at.toISOString()}::timestamptz` : isNull(col);

/**
 * Due soon: open, not yet reminded, not overdue, and due within its category's reminder days. The
 * window depends only on the number of days, so one bound per distinct number in the district.
 */
async function dueSoon(db: Db, districtId: string, ex: Exceptions, now: Date): Promise<SQL | null> {
  const spans = await db.selectDistinct({ days: demandCategory.remindDays }).from(demandCategory).where(eq(demandCategory.districtId, districtId));
  if (!spans.length) return null;
  return and(
    eq(demand.districtId, districtId),
    inArray(demand.state, [...OPEN_STATES]),
    isNull(demand.remindedAt),
    sql`${demand.dueAt} >= ${now.toISOString()}::timestamptz`,
    or(...spans.map(({ days }) => and(eq(demandCategory.remindDays, days), lt(demand.dueAt, remindBefore(now, days, ex))))),
  )!;
}

async function remindDueSoon(ctx: AppContext, districtId: string, ex: Exceptions, now: Date, failed: string[]): Promise<number> {
  const condition = await dueSoon(ctx.db, districtId, ex, now);
  if (!condition) return 0;
  const candidates = await ctx.db.select({ id: demand.id }).from(demand).innerJoin(demandCategory, eq(demandCategory.id, demand.categoryId)).where(condition);
  return eachApart(candidates, (id) => remindOne(ctx, id, condition, now), failed);
}

function remindOne(ctx: AppContext, id: string, condition: SQL, now: Date): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ d: demand }).from(demand).innerJoin(demandCategory, eq(demandCategory.id, demand.categoryId))
      .where(and(eq(demand.id, id), condition)).for('update', { of: demand, skipLocked: true });
    if (!row) return false;
    const d: Demand = row.d;
    const [after] = await tx.update(demand).set({ remindedAt: now })
      .where(and(eq(demand.id, id), isNull(demand.remindedAt), sameInstant(demand.dueAt, d.dueAt))).returning();
    if (!after) return false;
    await recordStep(tx, id, TIMER, { action: 'remind', data: { dueAt: d.dueAt!.toISOString(), level: d.level }, public: false });
    await tellHolders(tx, after, 'demand.reminder', `诉求 ${d.no} 将于 ${dayOf(d.dueAt!)} 到期，请抓紧办理：${d.title}`, { params: { dueAt: d.dueAt!.toISOString() } });
    return true;
  });
}
