import { and, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { workCalendar } from '../../../db/schema/demands.ts';
import { isWeekend } from '../../demands/calendar.ts';
import { districtOf } from '../queries.ts';
import '../messages.ts';

/**
 * Marks a day of the district's calendar a holiday or a worked weekend day (调休). Deadlines
 * already set keep their date; the ones computed from now on count with it.
 */
export async function setCalendarDay(ctx: AppContext, actor: Actor, day: string, input: { kind: 'holiday' | 'workday'; name?: string; districtId?: string }) {
  const districtId = districtOf(actor, 'demand.configure', input.districtId);
  if (input.kind === 'workday' && !isWeekend(day)) throw invalid('kind', 'workCalendar.workdayOnWeekday', { day });
  const name = input.name ?? '';
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(workCalendar).where(and(eq(workCalendar.districtId, districtId), eq(workCalendar.day, day))).for('update');
    await tx.insert(workCalendar).values({ districtId, day, kind: input.kind, name })
      .onConflictDoUpdate({ target: [workCalendar.districtId, workCalendar.day], set: { kind: input.kind, name } });
    await audit(tx, actor, {
      action: 'workCalendar.set', targetType: 'work_calendar', targetId: day, territoryId: districtId,
      before: before ? { kind: before.kind, name: before.name } : null, after: { kind: input.kind, name },
    });
    return { day, kind: input.kind, name };
  });
}

/** Puts a day back to the Monday–Friday rule; a day with nothing set stays as it is, unaudited. */
export async function clearCalendarDay(ctx: AppContext, actor: Actor, day: string, districtId?: string) {
  const district = districtOf(actor, 'demand.configure', districtId);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.delete(workCalendar).where(and(eq(workCalendar.districtId, district), eq(workCalendar.day, day))).returning();
    if (!before) return;
    await audit(tx, actor, { action: 'workCalendar.clear', targetType: 'work_calendar', targetId: day, territoryId: district, before: { kind: before.kind, name: before.name }, after: null });
  });
}
