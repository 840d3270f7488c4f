import { eq } from 'drizzle-orm';
import type { Pii } from '../../../core/pii.ts';
import type { Db } from '../../../db/client.ts';
import { type DemandLevel, demand, demandCategory } from '../../../db/schema/demands.ts';
import { addWorkingDays } from '../../demands/calendar.ts';
import { tellHolders, tellReporter } from '../../demands/notices.ts';
import { nextLevel } from '../rules.ts';

type Demand = typeof demand.$inferSelect;

const LEVEL_NAMES: Record<DemandLevel, string> = { community: '社区', street: '街道（镇）', district: '区级' };

/**
 * The columns of a demand taken one level up: the new holder gets the category's full working
 * days from now, and a reminder of its own before they run out.
 */
export async function raisedColumns(tx: Db, d: Demand, now: Date) {
  const [category] = await tx.select({ days: demandCategory.deadlineDays }).from(demandCategory).where(eq(demandCategory.id, d.categoryId));
  const dueAt = await addWorkingDays(tx, d.districtId, now, category!.days);
  return { level: nextLevel(d.level), escalatedAt: now, dueAt, remindedAt: null, updatedAt: now };
}

/** Tells the new level's admins that the demand is theirs now, and the reporter who holds it. */
export async function tellRaised(tx: Db, pii: Pii, before: Demand, after: Demand, why: 'overdue' | 'whistle') {
  const to = LEVEL_NAMES[after.level];
  const title = why === 'whistle' ? `吹哨报到：诉求 ${after.no} 请${to}办理：${after.title}`
    : before.level === after.level ? `诉求 ${after.no} 逾期未办结，已重新计时：${after.title}`
      : `诉求 ${after.no} 逾期未办结，已上报${to}：${after.title}`;
  const kind = why === 'whistle' ? 'demand.whistled' : before.level === after.level ? 'demand.overdueRetimed' : 'demand.overdueRaised';
  await tellHolders(tx, after, kind, title, { params: { level: after.level } });
  if (before.level !== after.level) await tellReporter(tx, pii, after, 'demand.escalated', `您的诉求 ${after.no} 已转由${to}办理`, { params: { level: after.level } });
}
