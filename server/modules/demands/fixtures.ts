import { and, eq } from 'drizzle-orm';
import type { Node } from '../../demo/factories.ts';
import type { TestContext } from '../../test/harness.ts';
import { demand, demandCategory } from '../../db/schema/demands.ts';
import { ensureDefaultCategories } from './default-categories.ts';
import { createDemand } from './actions/create-demand.ts';

/** A category of the test district by code (the defaults are made when missing). */
export async function categoryOf(t: Pick<TestContext, 'db'>, districtId: string, code = 'other') {
  await ensureDefaultCategories(t.db, districtId);
  const [c] = await t.db.select().from(demandCategory).where(and(eq(demandCategory.districtId, districtId), eq(demandCategory.code, code)));
  return c!;
}

export interface DemandSeed {
  at: Node;
  districtId: string;
  reporterPersonId?: string | null;
  createdBy?: string | null;
  category?: string;
  description?: string;
  contactPhone?: string;
  /** Columns set after intake, to start from a later state. */
  set?: Partial<typeof demand.$inferInsert>;
}

/** A demand made as an import would, then moved to the state a test needs. */
export async function makeDemand(t: Pick<TestContext, 'db' | 'pii'>, s: DemandSeed) {
  const category = await categoryOf(t, s.districtId, s.category);
  const row = await t.db.transaction((tx) => createDemand(tx, t.pii, { system: 'test', accountId: s.createdBy ?? null }, {
    territoryId: s.at.id, categoryId: category.id, channel: 'phone', description: s.description ?? '楼道灯坏了，晚上看不见',
    reporterPersonId: s.reporterPersonId ?? null, contactPhone: s.contactPhone,
  }));
  if (!s.set) return row;
  const [after] = await t.db.update(demand).set(s.set).where(eq(demand.id, row.id)).returning();
  return after!;
}
