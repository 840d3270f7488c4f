/** The requested-time window of GET requests, boundaries first. */
import { describe, expect, it } from 'vitest';
import { Open311Error } from './format.ts';
import { requestWindow } from './window.ts';

const at = (s: string) => new Date(s);
const now = at('2026-06-30T12:00:00+08:00');
const DAY = 86_400_000;

describe('requestWindow', () => {
  it.each([
    ['neither date: the last 90 days', undefined, undefined, new Date(now.getTime() - 90 * DAY), now],
    ['a start only: 90 days from it', at('2026-01-01T00:00:00Z'), undefined, at('2026-01-01T00:00:00Z'), at('2026-04-01T00:00:00Z')],
    ['an end only: 90 days up to it', undefined, at('2026-04-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), at('2026-04-01T00:00:00Z')],
    ['both, exactly 90 days apart', at('2026-01-01T00:00:00Z'), at('2026-04-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), at('2026-04-01T00:00:00Z')],
    ['both, the same instant', at('2026-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z')],
  ])('%s', (_, start, end, from, to) => {
    expect(requestWindow(start, end, now)).toEqual({ from, to });
  });

  it.each([
    ['one second over 90 days', at('2026-01-01T00:00:00Z'), at('2026-04-01T00:00:01Z'), 'open311.dateSpan'],
    ['the end before the start', at('2026-01-02T00:00:00Z'), at('2026-01-01T00:00:00Z'), 'open311.dateOrder'],
  ])('refuses %s', (_, start, end, key) => {
    expect(() => requestWindow(start, end, now)).toThrow(expect.objectContaining({ status: 400, key }));
    expect(() => requestWindow(start, end, now)).toThrow(Open311Error);
  });
});
