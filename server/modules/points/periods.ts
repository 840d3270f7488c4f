/** The ranking periods an entry counts towards: all time, its year, quarter and month (Asia/Shanghai). */
export function periodsOf(at: Date): string[] {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 1;
  return ['all', `${y}`, `${y}-Q${Math.ceil(m / 3)}`, `${y}-${String(m).padStart(2, '0')}`];
}

/** Points an award may still add under a monthly cap, given what this month already holds. */
export function capped(points: number, monthlyCap: number | null, alreadyThisMonth: number): number {
  if (monthlyCap === null) return points;
  return Math.max(0, Math.min(points, monthlyCap - alreadyThisMonth));
}
