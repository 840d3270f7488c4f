import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { RowError } from '../../core/errors.ts';
import { type Actor, canAt, grantsFor, minimalPaths, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { demandCategory } from '../../db/schema/demands.ts';
import { territory } from '../../db/schema/territory.ts';
import { demandsPolicy as P } from '../demands/policy.ts';
import { idsOfPath } from '../territory/rules.ts';
import type { Order } from './order-rows.ts';
import { rowError } from './order-rows.ts';

type Node = typeof territory.$inferSelect;
type Category = typeof demandCategory.$inferSelect;

/** A community is the third level (district / street / community): orders land there or below. */
const COMMUNITY_DEPTH = 2;
const stripBody = (name: string) => name.replace(/(社区)?(居民委员会|居委会|村民委员会|村委会)$/, '').replace(/社区$/, '');

/**
 * Where each order lands: the node whose code it gives, else the one place of that name in the
 * caller's territory (hotline exports name the community: 龙潭社区 finds 龙潭社区居委会); with no
 * place given, the caller's own community when they hold only one.
 */
export async function placeOrders(db: Db, actor: Actor, orders: Order[], errors: RowError[]): Promise<Map<number, Node>> {
  const values = [...new Set(orders.map((o) => o.territory).filter((v): v is string => !!v))];
  const byCode = new Map<string, Node>();
  if (values.length) {
    for (const n of await db.select().from(territory).where(and(inArray(territory.code, values), eq(territory.retired, false)))) byCode.set(n.code!, n);
  }
  const byName = new Map<string, Node[]>();
  if (values.some((v) => !byCode.has(v))) {
    const candidates = await db.select().from(territory)
      .where(and(inArray(territory.kind, ['neighborhood', 'village', 'area', 'grid']), eq(territory.retired, false), scope(actor, P['demand.import'], territory.path)));
    for (const n of candidates) for (const key of new Set([n.name, stripBody(n.name)])) byName.set(key, [...(byName.get(key) ?? []), n]);
  }
  const home = homeNode(actor);
  const [homeRow] = home ? await db.select().from(territory).where(eq(territory.id, home)) : [];

  const placed = new Map<number, Node>();
  for (const o of orders) {
    if (!o.territory) {
      if (homeRow) placed.set(o.row, homeRow);
      else errors.push(rowError(o.row, 'territoryCode', 'noPlace'));
      continue;
    }
    const named = byName.get(o.territory) ?? byName.get(stripBody(o.territory)) ?? [];
    const node = byCode.get(o.territory) ?? (named.length === 1 ? named[0] : undefined);
    const value = o.territory;
    if (!node) errors.push(rowError(o.row, 'territoryCode', named.length > 1 ? 'nodeAmbiguous' : 'nodeNotFound', { value }));
    else if (!canAt(actor, P['demand.import'], node.path)) errors.push(rowError(o.row, 'territoryCode', 'nodeOutOfScope', { value }));
    else if (node.depth < COMMUNITY_DEPTH) errors.push(rowError(o.row, 'territoryCode', 'nodeAboveCommunity', { value }));
    else placed.set(o.row, node);
  }
  return placed;
}

/** The caller's one granted node at community level or below, if that is all they hold. */
function homeNode(actor: Actor): string | null {
  const grants = grantsFor(actor, P['demand.import']);
  const paths = minimalPaths(grants.map((g) => g.path));
  if (paths.length !== 1 || idsOfPath(paths[0]!).length <= COMMUNITY_DEPTH) return null;
  return idsOfPath(paths[0]!).at(-1)!;
}

/**
 * The category of each order: by code, by name, by a category name inside the hotline's own
 * (物业管理-电梯故障), by a keyword of the given text; an order naming none is 其他 (other).
 */
export async function categoriseOrders(db: Db, orders: Order[], placed: Map<number, Node>, errors: RowError[]): Promise<Map<number, Category>> {
  const districts = [...new Set([...placed.values()].map((n) => idsOfPath(n.path)[0]!))];
  const all = districts.length
    ? await db.select().from(demandCategory).where(and(inArray(demandCategory.districtId, districts), isNull(demandCategory.retiredAt)))
    : [];
  const out = new Map<number, Category>();
  for (const o of orders) {
    const node = placed.get(o.row);
    if (!node) continue;
    const own = all.filter((c) => c.districtId === idsOfPath(node.path)[0]).sort((a, b) => a.sortOrder - b.sortOrder);
    const value = o.categoryCode ?? o.categoryName;
    const found = value ? matchCategory(own, o.categoryCode, o.categoryName) : own.find((c) => c.code === 'other');
    if (found) out.set(o.row, found);
    else errors.push(rowError(o.row, o.categoryCode ? 'categoryCode' : 'categoryName', 'categoryNotFound', { value: value ?? '' }));
  }
  return out;
}

function matchCategory(own: Category[], code: string | null, name: string | null): Category | undefined {
  if (code) return own.find((c) => c.code === code || c.name === code);
  const n = name!;
  return own.find((c) => c.name === n)
    ?? own.find((c) => n.includes(c.name))
    ?? own.find((c) => c.keywords.split(',').some((k) => k && n.includes(k)));
}
