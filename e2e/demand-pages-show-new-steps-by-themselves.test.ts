/**
 * A demand's page stays current while it is open. The resident watches her demand on the phone:
 * the secretary accepts it at her desk and, without a reload, the phone shows 已受理 at the next
 * quiet poll, in the same page at the same scroll; coming back to the page (focus) asks at once.
 * The secretary's own demand page shows a colleague's note the same way. The clock is Playwright's,
 * so the 20-second poll is reached by moving time on, not by waiting. A photo link an Open311
 * client sent shows on the secretary's page as a link out.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, baseURL, expectText, login, shot, UI_TIMEOUT, useBrowser } from './harness.ts';

const browser = useBrowser();
const tag = randomInt(1e5, 1e6);
const POLL_MS = 20_000;

type Api = Awaited<ReturnType<typeof apiAs>>;
let resident: Api;
let secretary: Api;
let demandId: string;

beforeAll(async () => {
  resident = await apiAs('demo-resident');
  secretary = await apiAs('demo-secretary');
  const { items } = await resident.get<{ items: { id: string; code: string }[] }>('/api/demand-categories');
  const category = items.find((c) => c.code === 'other') ?? items[0]!;
  // Long enough that the phone page scrolls.
  const description = [`楼道声控灯坏了，晚上看不清台阶（${tag}）`, ...Array.from({ length: 12 }, (_, i) => `第${i + 1}层也一样，老人上下楼很不方便。`)].join('\n');
  const created = await resident.post<{ id: string }>('/api/demands', { categoryId: category.id, description });
  demandId = created.id;
});

const stateOf = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-state');

/** Marks the page's element in the browser: a re-mounted (flickering) page would lose the mark. */
async function mark(page: Page, testId: string) {
  await page.getByTestId(testId).evaluate((el) => { (el as HTMLElement & { gzMark?: boolean }).gzMark = true; });
}
const stillMarked = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => (el as HTMLElement & { gzMark?: boolean }).gzMark === true);

describe('a demand page shows new steps by itself', () => {
  it('the resident\'s phone page: accepted at the next poll, started on coming back, same page and scroll', async () => {
    const phone = await browser.phone();
    await phone.clock.install();
    await login(phone, 'demo-resident');
    await phone.goto(`/m/demands/${demandId}`);
    await expect.poll(() => stateOf(phone, 'm-demand-detail'), { timeout: UI_TIMEOUT }).toBe('submitted');
    await mark(phone, 'm-demand-detail');
    await phone.evaluate(() => window.scrollTo(0, 240));
    const scrolled = await phone.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);

    await secretary.post(`/api/demands/${demandId}/accept`, {});
    await phone.clock.fastForward(POLL_MS);
    await expect.poll(() => stateOf(phone, 'm-demand-detail'), { timeout: UI_TIMEOUT }).toBe('accepted');
    await phone.getByTestId('m-demand-step-accept').waitFor();
    expect(await stillMarked(phone, 'm-demand-detail')).toBe(true);
    expect(await phone.evaluate(() => window.scrollY)).toBe(scrolled);

    // Coming back to the page asks at once, without waiting for the poll.
    await secretary.post(`/api/demands/${demandId}/start`, { note: `已联系物业电工（${tag}）` });
    await phone.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => stateOf(phone, 'm-demand-detail'), { timeout: UI_TIMEOUT }).toBe('in_progress');
    await expectText(phone.getByTestId('m-demand-steps'), `已联系物业电工（${tag}）`);
    expect(await stillMarked(phone, 'm-demand-detail')).toBe(true);
    await shot(phone, 'demand-portal-live');
  });

  it('the secretary\'s desk page: a colleague\'s note appears at the next poll', async () => {
    const desk = await browser.desktop();
    await desk.clock.install();
    await login(desk, 'demo-secretary');
    await desk.goto(`/console/demands/${demandId}`);
    await desk.getByTestId('demand-timeline').waitFor();
    await mark(desk, 'demand-page');
    const note = `电工周三上午上门（${tag}）`;
    await secretary.post(`/api/demands/${demandId}/notes`, { note });
    await desk.clock.fastForward(POLL_MS);
    await expectText(desk.getByTestId('demand-timeline'), note);
    expect(await stillMarked(desk, 'demand-page')).toBe(true);
    await shot(desk, 'demand-console-live');
  });

  it('the secretary opens the photo link an Open311 client sent with its request', async () => {
    const mediaUrl = `https://img.example.com/lamp-${tag}.jpg`;
    const res = await fetch(`${baseURL()}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({ api_key: 'demo-open311-key', service_code: 'other', address_string: '龙潭苑', description: `路灯不亮（${tag}）`, media_url: mediaUrl, email: 'resident@example.com' }).toString(),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const [{ service_request_id: no }] = (await res.json()) as [{ service_request_id: string }];
    const { items } = await secretary.get<{ items: { id: string }[] }>(`/api/demands?q=${no}`);
    const desk = await browser.desktop();
    await login(desk, 'demo-secretary');
    await desk.goto(`/console/demands/${items[0]!.id}`);
    const link = desk.getByTestId('demand-step-media-url');
    await expectText(link, '附图链接');
    expect(await link.getAttribute('href')).toBe(mediaUrl);
    expect(await link.getAttribute('rel')).toContain('noopener');
  });
});
