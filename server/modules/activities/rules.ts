import { createHmac } from 'node:crypto';

/** How long one venue code is shown before the next replaces it. */
export const QR_WINDOW_MS = 30_000;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const windowOf = (at: number) => Math.floor(at / QR_WINDOW_MS);

/**
 * The code shown at the venue for one 30-second window: HMAC of the activity id and the window,
 * so a code belongs to one activity and one moment; 8 base32 characters are easy to type too.
 */
export function venueCode(secret: string, activityId: string, window: number): string {
  const mac = createHmac('sha256', secret).update(`${activityId}:${window}`).digest();
  let out = '';
  for (let i = 0; i < 8; i++) out += BASE32[mac[i]! & 31];
  return out;
}

/** The current and the previous window only: a photo of an older code no longer opens the door. */
export function acceptsCode(secret: string, activityId: string, code: string, now: number): boolean {
  const typed = code.trim().toUpperCase();
  const w = windowOf(now);
  return typed === venueCode(secret, activityId, w) || typed === venueCode(secret, activityId, w - 1);
}

export function currentCode(secret: string, activityId: string, now: number) {
  const w = windowOf(now);
  return { code: venueCode(secret, activityId, w), expiresAt: new Date((w + 1) * QR_WINDOW_MS) };
}

/** Hours served: time between check-in and check-out, no more than the activity lasts, to the nearest half hour. */
export function hoursServed(checkedInAt: Date, checkedOutAt: Date, startsAt: Date, endsAt: Date): number {
  const served = Math.max(0, checkedOutAt.getTime() - checkedInAt.getTime());
  const capped = Math.min(served, endsAt.getTime() - startsAt.getTime());
  return Math.round(capped / 1_800_000) / 2;
}

export type ActivityKind = 'service' | 'volunteer' | 'theme_party_day';

/** Service and volunteer work earns points per hour; a theme party day earns the attendance rule. */
export const pointsRuleOf = (kind: ActivityKind) => (kind === 'theme_party_day' ? 'activity' : 'service_hour') as 'activity' | 'service_hour';

/** A scan is taken from an hour before the start until the end (check-out: until an hour after). */
export const SCAN_EARLY_MS = 3_600_000;
export const SCAN_LATE_MS = 3_600_000;

/** A moment as people in the district read it: 2026-11-29 14:30 (Asia/Shanghai). */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
