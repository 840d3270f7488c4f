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

const SHANGHAI = 8 * 3600_000;

/** The first instant (UTC) of the month, quarter or year containing `at`, in Asia/Shanghai. */
export function periodStart(kind: 'month' | 'quarter' | 'year', at: Date): Date {
  const local = new Date(at.getTime() + SHANGHAI);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const first = kind === 'year' ? 0 : kind === 'quarter' ? m - (m % 3) : m;
  return new Date(Date.UTC(y, first, 1) - SHANGHAI);
}

/** The instant (UTC) a calendar year starts in Asia/Shanghai. */
export const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - SHANGHAI);

/** 'all', '2026', '2026-Q4' or '2026-11': the periods balances are kept for. */
export const periodPattern = /^(all|\d{4}|\d{4}-Q[1-4]|\d{4}-(0[1-9]|1[0-2]))$/;
