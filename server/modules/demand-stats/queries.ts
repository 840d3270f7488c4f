import { type SQL, and, asc, eq, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { type Actor, canAt, grantsFor, likePrefix, minimalPaths, scope } from '../../core/policy.ts';
import { type Db, rowsOf } from '../../db/client.ts';
import { demand, demandCategory } from '../../db/schema/demands.ts';
import { territory } from '../../db/schema/territory.ts';
import { demandsPolicy as P } from '../demands/policy.ts';
import { idsOfPath } from '../territory/rules.ts';
import type { Figures } from './schemas.ts';

const DAY = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** The node the caller asks about, or their own; 404 outside their sight. */
export async function statsNode(db: Db, actor: Actor, territoryId: string | undefined) {
  const own = minimalPaths(grantsFor(actor, P['demand.stats']).map((g) => g.path))[0];
  const id = territoryId ?? (own ? idsOfPath(own).at(-1)! : null);
  const [node] = id ? await db.select().from(territory).where(eq(territory.id, id)) : [];
  if (!node || !canAt(actor, P['demand.stats'], node.path)) throw notFound('territory', id ?? '');
  return node;
}

/** The period's bounds as instants: from the start of `from` to the end of `to`, Shanghai days. */
export function periodOf(from: string, to: string) {
  return { start: new Date(Date.parse(`${from}T00:00:00Z`) - OFFSET_MS), end: new Date(Date.parse(`${to}T00:00:00Z`) - OFFSET_MS + DAY) };
}

interface FigureRow {
  total: number; open: number; closed: number; overdue_open: number;
  on_time: number; timed: number; satisfied: number; rated: number; median_hours: number | string | null;
}

/** The figures of a set of demands, as aggregates of one grouped scan. */
const figureColumns = sql`
  count(*)::int as total,
  count(*) filter (where ${demand.state} in ('submitted','accepted','assigned','in_progress'))::int as open,
  count(*) filter (where ${demand.state} in ('resolved','closed'))::int as closed,
  count(*) filter (where ${demand.state} in ('accepted','assigned','in_progress') and ${demand.dueAt} < now())::int as overdue_open,
  count(*) filter (where ${demand.onTime})::int as on_time,
  count(${demand.onTime})::int as timed,
  count(*) filter (where ${demand.rating} in ('satisfied','basically_satisfied'))::int as satisfied,
  count(${demand.rating})::int as rated,
  percentile_cont(0.5) within group (order by extract(epoch from ${demand.resolvedAt} - ${demand.createdAt}) / 3600)
    filter (where ${demand.state} in ('resolved','closed') and ${demand.resolvedAt} is not null) as median_hours`;

const rate = (n: number, of: number) => (of ? Math.round((n / of) * 10_000) / 10_000 : null);

function figuresOf(r: FigureRow | undefined): Figures {
  if (!r) return { total: 0, open: 0, closed: 0, overdueOpen: 0, onTimeRate: null, satisfactionRate: null, medianCloseHours: null };
  return {
    total: r.total, open: r.open, closed: r.closed, overdueOpen: r.overdue_open,
    onTimeRate: rate(r.on_time, r.timed), satisfactionRate: rate(r.satisfied, r.rated),
    medianCloseHours: r.median_hours === null ? null : Math.round(Number(r.median_hours) * 10) / 10,
  };
}

/**
 * Volume, open and closed, overdue, on-time and satisfaction rates and the median time to close,
 * for the node's subtree per child and per category, and the weekly trend: grouped scans
 * of the demands under one path prefix (the caller's scope in the same condition).
 */
export async function demandStats(db: Db, actor: Actor, node: typeof territory.$inferSelect, start: Date, end: Date) {
  const where: SQL = and(
    sql`${demand.path} like ${likePrefix(node.path)}`, scope(actor, P['demand.stats'], demand.path),
    sql`${demand.createdAt} >= ${start}`, sql`${demand.createdAt} < ${end}`, sql`${demand.state} <> 'merged'`,
  )!;
  // The child a demand lies under is the path segment after the node's own ('' for the node itself).
  const child = sql`split_part(${demand.path}, '/', ${node.depth + 3})`;
  const [whole, perChild, perCategory, weeks, children] = await Promise.all([
    db.execute(sql`select ${figureColumns} from ${demand} where ${where}`),
    db.execute(sql`select ${child} as child, ${figureColumns} from ${demand} where ${where} group by 1`),
    db.execute(sql`select ${demand.categoryId} as category_id, ${figureColumns} from ${demand} where ${where} group by 1`),
    db.execute(sql`
      select to_char(date_trunc('week', (${demand.createdAt} at time zone 'UTC') + interval '8 hours'), 'YYYY-MM-DD') as week,
        count(*)::int as total, count(*) filter (where ${demand.state} in ('resolved','closed'))::int as closed,
        count(*) filter (where ${demand.onTime})::int as on_time
      from ${demand} where ${where} group by 1`),
    db.select({ id: territory.id, name: territory.name, kind: territory.kind }).from(territory)
      .where(and(eq(territory.parentId, node.id), eq(territory.retired, false))).orderBy(asc(territory.code), asc(territory.name)),
  ]);
  const byChild = new Map(rowsOf<FigureRow & { child: string }>(perChild).map((r) => [r.child, r]));
  const categoryRows = rowsOf<FigureRow & { category_id: string }>(perCategory);

  const categories = await db.select().from(demandCategory).where(eq(demandCategory.districtId, idsOfPath(node.path)[0]!)).orderBy(asc(demandCategory.sortOrder));
  const byCat = new Map(categoryRows.map((r) => [r.category_id, r]));
  const weekly = new Map(rowsOf<{ week: string; total: number; closed: number; on_time: number }>(weeks).map((w) => [w.week, w]));
  return {
    total: { id: node.id, name: node.name, kind: node.kind, ...figuresOf(rowsOf<FigureRow>(whole)[0]) },
    byNode: children.map((c) => ({ ...c, ...figuresOf(byChild.get(c.id)) })),
    byCategory: categories.filter((c) => byCat.has(c.id) || !c.retiredAt)
      .map((c) => ({ id: c.id, code: c.code, name: c.name, ...figuresOf(byCat.get(c.id)) })),
    trend: mondaysBetween(start, end).map((week) => {
      const w = weekly.get(week);
      return { week, total: w?.total ?? 0, closed: w?.closed ?? 0, onTime: w?.on_time ?? 0 };
    }),
  };
}

/** The Mondays (Shanghai) of every week the period touches. */
function mondaysBetween(start: Date, end: Date): string[] {
  const first = new Date(start.getTime() + OFFSET_MS);
  let day = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()) - ((first.getUTCDay() + 6) % 7) * DAY;
  const out: string[] = [];
  for (; day < end.getTime() + OFFSET_MS; day += 7 * DAY) out.push(new Date(day).toISOString().slice(0, 10));
  return out;
}
