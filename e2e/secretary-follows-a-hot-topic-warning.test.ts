/**
 * Lift complaints pile up in 龙潭社区 (the demo plants a dozen in the last week against 1.5 a week
 * before). The detector raises 热点预警; the secretary finds it on the statistics page, opens it to
 * the demands behind it — on her desk and on her phone — and marks it as seen.
 */
import { expect, it } from 'vitest';
import { UI_TIMEOUT, apiAs, expectText, login, useBrowser } from './harness.ts';

const browser = useBrowser();

interface Warning { id: string; term: string; state: string; territory: { name: string } }

/** The detector runs when the server starts; the demo's planted warning is there once its first round ends. */
async function liftWarning(): Promise<Warning> {
  const secretary = await apiAs('demo-secretary');
  let found: Warning | undefined;
  await expect.poll(async () => {
    const body = await secretary.get<{ items: Warning[] }>('/api/hot-topics');
    found = body.items.find((w) => w.term === '电梯' && w.territory.name.startsWith('龙潭'));
    return !!found;
  }, { timeout: UI_TIMEOUT * 4, interval: 500 }).toBe(true);
  return found!;
}

it('shows the warning on the statistics page and opens it to its demands, then marks it seen', async () => {
  const warning = await liftWarning();
  const page = await browser.desktop();
  await login(page, 'demo-secretary');
  await page.goto('/console/demand-stats');
  await expectText(page.getByTestId(`hot-topic-${warning.id}`), '电梯');
  await page.getByTestId(`hot-topic-open-${warning.id}`).click();
  await page.waitForURL(`**/console/hot-topics/${warning.id}`);
  await expectText(page.getByTestId('hot-topic-page'), '电梯');
  await expectText(page.getByTestId('hot-topic-page'), '平时约');
  const cards = page.getByTestId('hot-topic-demands').locator('[data-testid^="demand-card-"]');
  await expect.poll(() => cards.count(), { timeout: UI_TIMEOUT }).toBeGreaterThanOrEqual(12);
  await expectText(cards.first(), '电梯');

  const phone = await browser.phone();
  await login(phone, 'demo-secretary');
  await phone.goto(`/console/hot-topics/${warning.id}`);
  await expectText(phone.getByTestId('hot-topic-page'), '电梯');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByTestId('hot-topic-page-ack').click();
  await expectText(page.getByTestId('hot-topic-page'), '已知悉');
  await expect.poll(() => page.getByTestId('hot-topic-page-ack').count(), { timeout: UI_TIMEOUT }).toBe(0);
});
