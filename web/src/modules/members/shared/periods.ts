import dayjs from 'dayjs';

/** Points periods are counted in Shanghai time, whatever the browser's zone. */
function shanghaiToday(): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

export type PeriodKind = 'month' | 'quarter' | 'year' | 'all';
export const PERIOD_KINDS: PeriodKind[] = ['month', 'quarter', 'year', 'all'];

/** The API's period value for the current month / quarter / year, or `all`. */
export function currentPeriod(kind: PeriodKind): string {
  const { year, month } = shanghaiToday();
  if (kind === 'all') return 'all';
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function currentYear(): number {
  return shanghaiToday().year;
}

export const fmtTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
export const fmtDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '');

/** "11-05 14:00–16:00" on one day, full times across days. */
export function fmtSpan(from: string, to: string): string {
  const a = dayjs(from);
  const b = dayjs(to);
  return a.isSame(b, 'day') ? `${a.format('MM-DD HH:mm')}–${b.format('HH:mm')}` : `${a.format('MM-DD HH:mm')} – ${b.format('MM-DD HH:mm')}`;
}

export const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
