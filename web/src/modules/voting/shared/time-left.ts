/** What is left of a vote until it closes, in whole minutes rounded up; null once the time has come. */
export function timeLeft(closesAt: string, now: number): { days: number; hours: number; minutes: number } | null {
  const ms = new Date(closesAt).getTime() - now;
  if (ms <= 0) return null;
  const total = Math.ceil(ms / 60_000);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** A moment as the district reads it (Asia/Shanghai), to the minute. */
export const fmtMinute = (iso: string, lang: string) => new Intl.DateTimeFormat(lang, {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
}).format(new Date(iso));
