import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, type RowError } from '../../../core/errors.ts';
import { t } from '../../../core/i18n.ts';
import type { Actor } from '../../../core/policy.ts';
import { importReport } from '../../../db/schema/audit.ts';
import { demand } from '../../../db/schema/demands.ts';
import { createDemand } from '../../demands/actions/create-demand.ts';
import { accountsCovering, notify } from '../../notifications/notify.ts';
import { idsOfPath } from '../../territory/rules.ts';
import { type Mapping, fieldLabels } from '../fields.ts';
import type { OrderTable } from '../order-file.ts';
import { readOrders } from '../order-rows.ts';
import { categoriseOrders, placeOrders } from '../places.ts';
import '../messages.ts';

/** Serialises imports of one district, so two imports of the same file take turns and the second finds every order there. */
const IMPORT_LOCK = 727_012;
const UNIQUE_VIOLATION = '23505';

export interface ImportOutcome {
  created: number;
  skipped: number;
  errors: RowError[];
  reportId?: string;
}

/**
 * Takes in a 12345 hotline export: each order becomes a demand on channel hotline_12345 dated by
 * the order's own time, unless its order number is already there (skipped: importing a file
 * twice adds nothing). Orders are independent: the bad ones are reported, the good ones taken,
 * all in one transaction with the report of the bad rows.
 */
export async function importOrders(ctx: AppContext, actor: Actor, table: OrderTable, mapping: Mapping): Promise<ImportOutcome> {
  const now = new Date();
  const errors: RowError[] = [];
  const orders = readOrders(table.headers, table.rows, mapping, now, errors);
  const outcome = await ctx.db.transaction(async (tx) => {
    const placed = await placeOrders(tx, actor, orders, errors);
    const categories = await categoriseOrders(tx, orders, placed, errors);
    const ready = orders.filter((o) => categories.has(o.row));
    const districts = [...new Set([...placed.values()].map((n) => idsOfPath(n.path)[0]!))].sort();
    for (const d of districts) await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${d}))`);
    const known = new Set<string>();
    for (const d of districts) {
      const numbers = ready.filter((o) => idsOfPath(placed.get(o.row)!.path)[0] === d).map((o) => o.externalNo);
      for (let i = 0; i < numbers.length; i += 1000) {
        const rows = await tx.select({ no: demand.externalNo }).from(demand)
          .where(and(eq(demand.districtId, d), inArray(demand.externalNo, numbers.slice(i, i + 1000))));
        for (const r of rows) known.add(`${d}:${r.no}`);
      }
    }
    let created = 0;
    let skipped = 0;
    const perCommunity = new Map<string, number>();
    const who = { system: `12345热线导入（${actor.displayName}）`, ip: actor.ip, accountId: actor.accountId };
    for (const o of ready) {
      const node = placed.get(o.row)!;
      const key = `${idsOfPath(node.path)[0]}:${o.externalNo}`;
      if (known.has(key)) { skipped++; continue; }
      try {
        // A savepoint per order: an order number taken meanwhile by another channel fails only its own row.
        await tx.transaction((sp) => createDemand(sp, ctx.pii, who, {
          territoryId: node.id, categoryId: categories.get(o.row)!.id, channel: 'hotline_12345', description: o.description,
          address: o.address, contactName: o.contactName, contactPhone: o.contactPhone, externalNo: o.externalNo,
          createdAt: o.createdAt ?? now,
        }, { quiet: true }));
        known.add(key);
        created++;
        const community = `/${idsOfPath(node.path).slice(0, 3).join('/')}/`;
        perCommunity.set(community, (perCommunity.get(community) ?? 0) + 1);
      } catch (e) {
        if ((e as { code?: string; cause?: { code?: string } }).code === UNIQUE_VIOLATION || (e as { cause?: { code?: string } }).cause?.code === UNIQUE_VIOLATION) {
          skipped++;
          continue;
        }
        if (e instanceof DomainError) {
          const field = e.fieldErrors[0];
          errors.push({ row: o.row, column: fieldLabels[field?.field === 'categoryId' ? 'categoryName' : 'territoryCode'], message: t('zh-CN', field?.code ?? e.code, field?.params ?? e.params) });
          continue;
        }
        throw e;
      }
    }
    const sorted = [...errors].sort((a, b) => a.row - b.row);
    let reportId: string | undefined;
    if (sorted.length) {
      const [report] = await tx.insert(importReport).values({ accountId: actor.accountId, kind: 'demands', errors: sorted }).returning({ id: importReport.id });
      reportId = report!.id;
    }
    // One notice per community for the whole file, not one per order.
    for (const [path, count] of perCommunity) {
      const staff = await accountsCovering(tx, path, ['community_worker', 'community_secretary']);
      await notify(tx, staff.filter((id) => id !== actor.accountId), {
        kind: 'demand.imported', title: `12345热线导入 ${count} 件新诉求，请及时受理`, link: '/console/demands?channel=hotline_12345', params: { count },
      });
    }
    if (created) {
      await audit(tx, actor, {
        action: 'demand.import', targetType: 'demand', territoryId: commonAncestor([...placed.values()].map((n) => n.path)),
        after: { rows: table.rows.length, created, skipped, bad: new Set(sorted.map((e) => e.row)).size },
      });
    }
    return { created, skipped, errors: sorted, ...(reportId ? { reportId } : {}) };
  });
  if (!outcome.created && !outcome.skipped && outcome.errors.length) {
    throw new DomainError('demandImport.nothingImported', 422, { count: new Set(outcome.errors.map((e) => e.row)).size, errors: outcome.errors, reportId: outcome.reportId });
  }
  return outcome;
}

/** The deepest node holding every imported order: the territory the audit record speaks for. */
function commonAncestor(paths: string[]): string | null {
  const lists = paths.map(idsOfPath);
  const first = lists[0] ?? [];
  let depth = 0;
  while (depth < first.length && lists.every((l) => l[depth] === first[depth])) depth++;
  return depth ? first[depth - 1]! : null;
}
