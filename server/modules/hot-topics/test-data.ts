import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { termsOf } from '../../core/text.ts';
import type { Db } from '../../db/client.ts';
import { demand, demandCategory, hotTopic } from '../../db/schema/demands.ts';
import type { Node } from '../../demo/factories.ts';
import { ensureDefaultCategories } from '../demands/default-categories.ts';
import { idsOfPath } from '../territory/rules.ts';

const DAY = 86_400_000;
let serial = 0;

/** Demands as they stand in the database, written directly (terms cut with termsOf, as intake does). */
export async function insertDemands(db: Db, rows: { place: Node; text: string; at: Date }[]): Promise<string[]> {
  if (!rows.length) return [];
  const ids: string[] = [];
  const categoryId = await anyCategory(db, idsOfPath(rows[0]!.place.path)[0]!);
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map(({ place, text, at }) => {
      const chain = idsOfPath(place.path);
      const id = randomUUID();
      ids.push(id);
      return {
        id, no: `SQT${String(++serial).padStart(9, '0')}`, districtId: chain[0]!, streetId: chain[1]!, communityId: chain[2]!,
        territoryId: place.id, path: place.path, categoryId, channel: 'portal' as const, title: text.slice(0, 40), description: text,
        terms: termsOf(text), createdAt: at, updatedAt: at,
      };
    });
    await db.insert(demand).values(values);
  }
  return ids;
}

const categories = new Map<string, string>();
async function anyCategory(db: Db, districtId: string): Promise<string> {
  if (!categories.has(districtId)) {
    await ensureDefaultCategories(db, districtId);
    const [c] = await db.select({ id: demandCategory.id }).from(demandCategory).where(eq(demandCategory.districtId, districtId)).limit(1);
    categories.set(districtId, c!.id);
  }
  return categories.get(districtId)!;
}

/** `n` moments spread evenly over the days [fromDaysAgo, toDaysAgo) before `now`. */
export function spread(now: Date, n: number, fromDaysAgo: number, toDaysAgo: number): Date[] {
  const span = (fromDaysAgo - toDaysAgo) * DAY;
  return Array.from({ length: n }, (_, i) => new Date(now.getTime() - fromDaysAgo * DAY + ((i + 0.5) * span) / n));
}

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/** An open warning at a node, as a detector run would have left it. */
export async function makeHotTopic(db: Db, node: Node, o: { term?: string; demandIds?: string[] } = {}) {
  const [h] = await db.insert(hotTopic).values({
    districtId: idsOfPath(node.path)[0]!, territoryId: node.id, term: o.term ?? `电梯${++serial}`, windowDays: 7,
    count: 12, baseline: 1.5, score: 6.07, demandIds: o.demandIds ?? [],
  }).returning();
  return h!;
}
