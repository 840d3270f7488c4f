/**
 * A resident of 龙潭社区 opens the portal on a 375 px phone: every tab fits the screen without
 * sideways scrolling, and shows their community, their household and the community's bodies.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, UI_TIMEOUT, useBrowser, expectNoSidewaysScroll, PHONE_WIDTH } from './harness.ts';

const browser = useBrowser();

interface Me { person: { name: string; phone: string; household: { room: string; members: { name: string }[] } } }
let me: Me['person'];

beforeAll(async () => {
  me = (await (await apiAs('demo-resident')).get<Me>('/api/me')).person;
});


describe('the resident portal at 375 px', () => {
  it('fits the phone on every tab and shows the resident their community', async () => {
    const page = await browser.phone();
    await login(page, 'demo-resident');
    expect(new URL(page.url()).pathname).toBe('/m');
    expect(page.viewportSize()?.width).toBe(PHONE_WIDTH);

    await expectExactText(page.getByTestId('portal-community-name'), '龙潭社区居委会');
    const household = page.getByTestId('portal-household');
    await expectText(household, me.household.room);
    for (const m of me.household.members) await expectText(household, m.name);
    const info = page.getByTestId('portal-my-info');
    await expectText(info, me.name);
    await expectText(info, me.phone);
    expect(me.phone).toContain('*');
    await expectNoSidewaysScroll(page);
    await shot(page, 'portal-home');

    await page.getByTestId('portal-tab-community').click();
    await page.waitForURL('**/m/community');
    await expectText(page.getByTestId('portal-community'), '龙潭社区居委会');
    const bodies = page.getByTestId('portal-bodies');
    await expectText(bodies, '中共龙潭居民区总支部委员会');
    await expectText(bodies, '龙潭社区居民委员会');
    await expectNoSidewaysScroll(page);
    await shot(page, 'portal-community');

    await page.getByTestId('portal-tab-me').click();
    await page.waitForURL('**/m/me');
    await expectText(page.getByTestId('portal-my-info'), '居民');
    await page.getByTestId('logout').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'portal-me');
  });

  it('keeps a one-, two- or three-digit unread count on the bell inside the screen', async () => {
    const page = await browser.phone();
    // However many notices the demo has sent so far, the bell is told of many more.
    let unread = 0;
    await page.route('**/api/notifications?*', async (route) => {
      const real = await route.fetch();
      await route.fulfill({ response: real, json: { ...(await real.json()), unread } });
    });
    await login(page, 'demo-resident');
    for (const count of [3, 12, 150]) {
      unread = count;
      for (const path of ['/m', '/m/demands']) {
        await page.goto(path);
        await expect.poll(() => page.getByTestId('notice-count').getAttribute('data-count'), { timeout: UI_TIMEOUT }).toBe(String(count));
        await page.getByTestId('notice-count').locator('.ant-badge-count').waitFor();
        await expectNoSidewaysScroll(page);
      }
    }
    await shot(page, 'portal-bell-many');
  });
});
