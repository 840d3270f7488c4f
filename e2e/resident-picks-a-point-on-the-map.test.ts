/**
 * A resident reporting a demand on the phone gives its place as a point on the map: opens the map,
 * taps a point, sees it picked, clears it, taps again and sends. The demand keeps that point (in
 * WGS-84, inside the area the map showed), its page shows it on a small map, and the report form
 * with its map fits a 375 px phone. Tiles may not load (no network): the map's grey canvas still takes taps.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, login, shot, UI_TIMEOUT, useBrowser, expectNoSidewaysScroll, PHONE_WIDTH } from './harness.ts';

const browser = useBrowser();
const description = `小区东门外路灯不亮，晚上行人看不清路（${randomInt(1e5, 1e6)}）`;

/** The area the map shows, WGS-84 south, west, north, east, once the map has drawn. */
async function boundsOf(page: Page, testId: string): Promise<[number, number, number, number]> {
  const canvas = page.getByTestId(testId);
  await page.waitForFunction((id) => !!document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-bounds'), testId, { timeout: UI_TIMEOUT });
  const b = (await canvas.getAttribute('data-bounds'))!.split(',').map(Number);
  expect(b).toHaveLength(4);
  return b as [number, number, number, number];
}

async function picked(page: Page): Promise<{ lat: number; lng: number }> {
  const v = page.getByTestId('m-demand-map-value');
  await v.waitFor({ timeout: UI_TIMEOUT });
  return { lat: Number(await v.getAttribute('data-lat')), lng: Number(await v.getAttribute('data-lng')) };
}

describe('a resident picks the place of a demand on the map', () => {
  it('opens the map, taps a point, sends; the demand keeps the point and shows it', async () => {
    const phone = await browser.phone();
    await login(phone, 'demo-resident');
    await phone.goto('/m/demands/new');
    await phone.locator('[data-testid^="m-demand-category-"][aria-pressed]').first().click();
    await phone.getByTestId('m-demand-description').fill(description);

    await phone.getByTestId('m-demand-map-open').click();
    const [south, west, north, east] = await boundsOf(phone, 'm-demand-map-canvas');
    // With nothing known yet the map opens on 松江区.
    expect(south).toBeLessThan(31.03);
    expect(north).toBeGreaterThan(31.03);
    expect(west).toBeLessThan(121.23);
    expect(east).toBeGreaterThan(121.23);

    const canvas = phone.getByTestId('m-demand-map-canvas');
    const box = (await canvas.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(PHONE_WIDTH);
    await canvas.tap({ position: { x: box.width * 0.3, y: box.height * 0.3 } });
    const first = await picked(phone);
    await phone.getByTestId('m-demand-map-clear').click();
    await phone.getByTestId('m-demand-map-value').waitFor({ state: 'detached' });

    await canvas.tap({ position: { x: box.width * 0.7, y: box.height * 0.6 } });
    const point = await picked(phone);
    expect(point).not.toEqual(first);
    // A tap right of and below the first lands east and south of it.
    expect(point.lng).toBeGreaterThan(first.lng);
    expect(point.lat).toBeLessThan(first.lat);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'demand-portal-map-picked');

    await phone.getByTestId('m-demand-submit').click();
    await phone.waitForURL(/\/m\/demands\/[0-9a-f-]{36}\/done$/);
    const demandId = new URL(phone.url()).pathname.split('/')[3]!;

    const resident = await apiAs('demo-resident');
    const demand = await resident.get<{ lat: number | null; lng: number | null; description: string }>(`/api/demands/${demandId}`);
    expect(demand.description).toBe(description);
    expect(demand.lat).not.toBeNull();
    expect(demand.lng).not.toBeNull();
    expect(demand.lat).toBeCloseTo(point.lat, 6);
    expect(demand.lng).toBeCloseTo(point.lng, 6);
    expect(demand.lat!).toBeGreaterThan(south);
    expect(demand.lat!).toBeLessThan(north);
    expect(demand.lng!).toBeGreaterThan(west);
    expect(demand.lng!).toBeLessThan(east);

    // The demand's page shows the point on a small read-only map centred on it.
    await phone.goto(`/m/demands/${demandId}`);
    const [s2, w2, n2, e2] = await boundsOf(phone, 'm-demand-map-view-canvas');
    expect(demand.lat!).toBeGreaterThan(s2);
    expect(demand.lat!).toBeLessThan(n2);
    expect(demand.lng!).toBeGreaterThan(w2);
    expect(demand.lng!).toBeLessThan(e2);
    await phone.getByTestId('m-demand-map-view').locator('.gz-map-pin').waitFor({ timeout: UI_TIMEOUT });
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'demand-portal-map-detail');
  });
});
