/**
 * The system administrator gives 龙潭社区's app an Open311 key: issues it for the community, copies
 * it from the one-time display, the app reads with it — and when the app is retired, revokes it.
 */
import { describe, expect, it } from 'vitest';
import { apiAs, baseURL, expectText, login, shot, useBrowser, chooseOption } from './harness.ts';

const browser = useBrowser();

const read = (key: string) => fetch(`${baseURL()}/open311/v2/requests.xml?api_key=${encodeURIComponent(key)}`);

describe('the system administrator issues an Open311 key and revokes it', () => {
  it('shows the key once, the client reads with it, and is refused after the revoke', async () => {
    const name = `龙潭社区 App ${Date.now()}`;
    const page = await browser.desktop();
    await login(page, 'demo-sysadmin');
    await page.getByTestId('nav-open311-keys').click();
    await page.getByTestId('open311-keys').waitFor();

    await page.getByTestId('open311-issue').click();
    await page.getByTestId('open311-issue-name').fill(name);
    await page.getByTestId('open311-issue-node').click();
    await page.keyboard.type('310117001001');
    await chooseOption(page, '310117001001');
    await page.getByTestId('open311-issue-submit').click();

    const key = (await page.getByTestId('open311-issued-key').innerText()).trim();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await shot(page, 'open311-issued');
    await page.getByTestId('open311-issued-done').click();
    await expect.poll(() => page.getByTestId('open311-issued-key').count()).toBe(0);

    const ok = await read(key);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<service_requests>/);

    const sys = await apiAs('demo-sysadmin');
    const { items } = await sys.get<{ items: { id: string; name: string; keyHint: string }[] }>('/api/open311-keys');
    const issued = items.find((k) => k.name === name)!;
    expect(issued.keyHint).toBe(`${key.slice(0, 6)}…`);
    await expectText(page.getByTestId(`open311-key-${issued.id}`), '龙潭社区');
    expect(await page.getByTestId('open311-keys').innerText()).not.toContain(key);

    await page.getByTestId(`open311-revoke-${issued.id}`).click();
    await page.getByTestId('open311-revoke-confirm').click();
    await expectText(page.getByTestId(`open311-key-state-${issued.id}`), '已停用');
    const refused = await read(key);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('<errors><error><code>403</code>');
  });

  it('fits a phone: the keys as a list, nothing wider than the screen', async () => {
    const page = await browser.phone();
    await login(page, 'demo-sysadmin');
    await page.goto('/console/open311-keys');
    await expectText(page.getByTestId('open311-keys'), '演示客户端');
    await shot(page, 'open311-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
