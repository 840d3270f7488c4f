import { describe, expect, it } from 'vitest';
import { QR_WINDOW_MS, acceptsCode, currentCode, hoursServed, pointsRuleOf, venueCode } from './rules.ts';

const secret = 'venue-secret';
const id = '6f1c7c1e-0000-4000-8000-000000000001';
const t0 = 1_780_000_000_000;

describe('the rotating venue code', () => {
  it('is 8 base32 characters and changes every 30 seconds', () => {
    const a = currentCode(secret, id, t0);
    expect(a.code).toMatch(/^[A-Z2-7]{8}$/);
    expect(currentCode(secret, id, t0 + QR_WINDOW_MS).code).not.toBe(a.code);
    expect(a.expiresAt.getTime()).toBeGreaterThan(t0);
    expect(a.expiresAt.getTime() - t0).toBeLessThanOrEqual(QR_WINDOW_MS);
  });

  it('accepts the current and the previous window only', () => {
    const w = Math.floor(t0 / QR_WINDOW_MS);
    const cases: [number, boolean][] = [[w + 1, false], [w, true], [w - 1, true], [w - 2, false], [w - 100, false]];
    for (const [window, ok] of cases) expect(acceptsCode(secret, id, venueCode(secret, id, window), t0), `window ${window - w}`).toBe(ok);
  });

  it('belongs to one activity and one secret', () => {
    const code = currentCode(secret, id, t0).code;
    expect(acceptsCode(secret, '6f1c7c1e-0000-4000-8000-000000000002', code, t0)).toBe(false);
    expect(acceptsCode('another-secret', id, code, t0)).toBe(false);
    expect(acceptsCode(secret, id, ` ${code.toLowerCase()} `, t0)).toBe(true);
  });
});

describe('hours served', () => {
  const start = new Date('2026-11-29T02:00:00Z');
  const end = new Date('2026-11-29T04:00:00Z');
  const at = (min: number) => new Date(start.getTime() + min * 60_000);
  it.each([
    [0, 0, 0],
    [0, 14, 0],
    [0, 15, 0.5],
    [0, 44, 0.5],
    [0, 45, 1],
    [0, 120, 2],
    [-60, 180, 2], // early and late: no more than the activity lasts
    [30, 100, 1],
    [60, 30, 0], // out before in: nothing
  ])('in at %i min, out at %i min → %f h', (inMin, outMin, hours) => {
    expect(hoursServed(at(inMin), at(outMin), start, end)).toBe(hours);
  });
});

describe('which rule an activity earns by', () => {
  it('pays service and volunteer work per hour, a theme party day by attendance', () => {
    expect(pointsRuleOf('service')).toBe('service_hour');
    expect(pointsRuleOf('volunteer')).toBe('service_hour');
    expect(pointsRuleOf('theme_party_day')).toBe('activity');
  });
});
