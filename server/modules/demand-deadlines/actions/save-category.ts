import { eq, max } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid, notFound } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { type HandlerKind, demandCategory } from '../../../db/schema/demands.ts';
import { rootPath } from '../../territory/rules.ts';
import { districtOf } from '../queries.ts';
import '../messages.ts';

type Category = typeof demandCategory.$inferSelect;

export interface CategoryFields {
  name: string;
  groupName?: string;
  description?: string;
  keywords?: string;
  defaultHandler: HandlerKind;
  deadlineDays: number;
  remindDays?: number;
}

/** Keywords as Open311 lists them: comma-separated, whatever separators were typed. */
const normaliseKeywords = (k: string) => [...new Set(k.split(/[,，、;；\s]+/).map((w) => w.trim()).filter(Boolean))].join(',');

const shown = (c: Category) => ({
  code: c.code, name: c.name, groupName: c.groupName, description: c.description, keywords: c.keywords,
  defaultHandler: c.defaultHandler, deadlineDays: c.deadlineDays, remindDays: c.remindDays, retired: c.retiredAt !== null,
});

function checkRemind(deadlineDays: number, remindDays: number) {
  if (remindDays > deadlineDays) throw invalid('remindDays', 'demandCategory.remindAfterDeadline', { deadlineDays });
}

/** A new kind of demand for the district, after the existing ones; its code is fixed from now on. */
export async function createCategory(ctx: AppContext, actor: Actor, input: CategoryFields & { code: string; districtId?: string }) {
  const districtId = districtOf(actor, 'demand.configure', input.districtId);
  const remindDays = input.remindDays ?? 1;
  checkRemind(input.deadlineDays, remindDays);
  return ctx.db.transaction(async (tx) => {
    const [last] = await tx.select({ n: max(demandCategory.sortOrder) }).from(demandCategory).where(eq(demandCategory.districtId, districtId));
    const [row] = await tx.insert(demandCategory).values({
      districtId, code: input.code, name: input.name, groupName: input.groupName ?? '', description: input.description ?? '',
      keywords: normaliseKeywords(input.keywords ?? ''), defaultHandler: input.defaultHandler, deadlineDays: input.deadlineDays,
      remindDays, sortOrder: (last?.n ?? 0) + 10,
    }).onConflictDoNothing().returning();
    if (!row) throw new DomainError('demandCategory.codeTaken', 409, { code: input.code }, [{ field: 'code', code: 'demandCategory.codeTaken', params: { code: input.code } }]);
    await audit(tx, actor, { action: 'demandCategory.create', targetType: 'demand_category', targetId: row.id, territoryId: districtId, after: shown(row) });
    return row;
  });
}

/** Changes a category (never its code); `retired` takes it out of the list residents pick from, or back. */
export async function updateCategory(ctx: AppContext, actor: Actor, id: string, patch: Partial<CategoryFields> & { retired?: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(demandCategory).where(eq(demandCategory.id, id)).for('update');
    if (!before || !canAt(actor, 'demand.configure', rootPath(before.districtId))) throw notFound('category', id);
    checkRemind(patch.deadlineDays ?? before.deadlineDays, patch.remindDays ?? before.remindDays);
    const { retired, keywords, ...fields } = patch;
    const retiredAt = retired === undefined ? before.retiredAt : retired ? (before.retiredAt ?? new Date()) : null;
    const [after] = await tx.update(demandCategory)
      .set({ ...fields, ...(keywords === undefined ? {} : { keywords: normaliseKeywords(keywords) }), retiredAt })
      .where(eq(demandCategory.id, id)).returning();
    await audit(tx, actor, {
      action: retired && !before.retiredAt ? 'demandCategory.retire' : 'demandCategory.update',
      targetType: 'demand_category', targetId: id, territoryId: before.districtId, before: shown(before), after: shown(after!),
    });
    return after!;
  });
}
