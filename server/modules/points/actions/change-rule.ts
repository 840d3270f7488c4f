import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { pointsRule } from '../../../db/schema/members.ts';
import { nodeInSight } from '../../territory/queries.ts';
import type { RuleCode } from '../award.ts';

export interface RuleChange {
  districtId: string;
  points: number;
  monthlyCap: number | null;
  expiry: 'none' | 'annual';
}

/**
 * Changes a district's rule by closing the current version and opening a new one: entries already
 * awarded point at the version they were awarded under, so history is never rewritten.
 */
export async function changeRule(ctx: AppContext, actor: Actor, code: RuleCode, input: RuleChange) {
  return ctx.db.transaction(async (tx) => {
    const district = await nodeInSight(tx, actor, 'points.rules.write', input.districtId);
    if (district.kind !== 'district') throw invalid('districtId', 'field.invalid', { reason: 'not a district' });
    const now = new Date();
    // Locks the current version, so two administrators changing it at once queue up.
    const [before] = await tx.select().from(pointsRule)
      .where(and(eq(pointsRule.districtId, district.id), eq(pointsRule.code, code), isNull(pointsRule.validTo))).for('update');
    if (before) await tx.update(pointsRule).set({ validTo: now }).where(eq(pointsRule.id, before.id));
    const [after] = await tx.insert(pointsRule).values({ ...input, districtId: district.id, code, validFrom: now }).returning();
    if (!after) throw new DomainError('points.ruleConflict', 409);
    await audit(tx, actor, { action: 'points.changeRule', targetType: 'points_rule', targetId: after.id, territoryId: district.id, before: before ?? null, after });
    return after;
  });
}
