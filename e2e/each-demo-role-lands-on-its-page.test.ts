/**
 * Each kind of user logs in and lands where their daily work is: admins on the figures of their
 * area, community staff on their own node, residents and party members on the phone portal, the
 * three platform officers (三员) each on their own page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectExactText, expectText, login, shot, textOf, useBrowser } from './harness.ts';

const browser = useBrowser();

/** The page title the console shows in the content area. */
const expectTitle = (page: Page, title: string) => expectExactText(page.locator('h1.gz-page-title'), title);

describe('each demo role logs in and lands on its page', () => {
  it('the district admin sees the figures of every street of 松江区', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-district');
    expect(new URL(page.url()).pathname).toBe('/console/overview');
    await expectTitle(page, '数据总览');
    await expectText(page.getByTestId('user-grant'), '区级管理员 · 松江区');
    await expectText(page.getByTestId('overview-table'), '岳阳街道');
    await expectText(page.getByTestId('overview-table'), '永丰街道');
    await shot(page, 'landing-district');
  });

  it('the street admin of 岳阳街道 sees its communities and no other street', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-street');
    expect(new URL(page.url()).pathname).toBe('/console/overview');
    await expectText(page.getByTestId('user-grant'), '街镇干部 · 岳阳街道');
    await expectText(page.getByTestId('overview-table'), '龙潭社区居委会');
    const table = await textOf(page.getByTestId('overview-table'));
    expect(table).toContain('醉白池社区居委会');
    expect(table).not.toContain('永丰街道');
    expect(table).not.toContain('秀南');
  });

  it('the community secretary lands on 龙潭社区 with its grids', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-secretary');
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/territory\/[0-9a-f-]{36}$/);
    await expectExactText(page.getByTestId('territory-name'), '龙潭社区居委会');
    await expectExactText(page.getByTestId('territory-code'), '310117001001');
    await expectText(page.getByTestId('children-table'), '龙潭第1网格');
    await shot(page, 'landing-secretary');
  });

  it('the grid worker lands on their own grid with its buildings', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-grid');
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/territory\/[0-9a-f-]{36}$/);
    await expectExactText(page.getByTestId('territory-name'), '龙潭第1网格');
    await expectText(page.getByTestId('children-table'), '龙潭苑1号楼');
  });

  for (const [username, role] of [['demo-member', '党员'], ['demo-resident', '居民']] as const) {
    it(`the ${role} (${username}) lands on the phone portal of 龙潭社区`, async () => {
      const page = await browser.phone();
      await login(page, username);
      expect(new URL(page.url()).pathname).toBe('/m');
      await expectExactText(page.getByTestId('portal-community-name'), '龙潭社区居委会');
      await expectText(page.getByTestId('portal-my-info'), role);
      await shot(page, `landing-${username}`);
    });
  }

  it('the resident unit liaison lands on the bodies list with their school', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-unit');
    expect(new URL(page.url()).pathname).toBe('/console/bodies');
    await expectTitle(page, '组织');
    await expectText(page.getByTestId('bodies-table'), '松江区龙潭实验学校');
    await shot(page, 'landing-unit');
  });

  it('the system administrator lands on the system page of the demo', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-sysadmin');
    expect(new URL(page.url()).pathname).toBe('/console/system');
    await expectText(page.getByTestId('system-info'), '系统信息');
    await expectText(page.getByTestId('system-info'), 'PGlite');
    await shot(page, 'landing-sysadmin');
  });

  it('the security administrator lands on the accounts and sees the demo accounts', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-secadmin');
    expect(new URL(page.url()).pathname).toBe('/console/accounts');
    await expectTitle(page, '账号与授权');
    await expectText(page.getByTestId('accounts-table'), 'demo-auditor');
    await shot(page, 'landing-secadmin');
  });

  it('the auditor lands on the audit log, which records the logins', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-auditor');
    expect(new URL(page.url()).pathname).toBe('/console/audit');
    await expectTitle(page, '审计日志');
    // Actions show by their Chinese names: the auditor's own login is among the newest records.
    await expectText(page.getByTestId('audit-table'), '登录');
    await shot(page, 'landing-auditor');
  });
});
