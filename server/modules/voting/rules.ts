/** A moment as people in 松江 read it: 2026-11-29 20:00. */
export function shanghaiMinute(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
