/**
 * Someone guesses at a worker's password. The first four wrong tries are refused; the fifth locks
 * the account and the login page says until when — and the right password no longer opens it
 * until the security administrator unlocks it.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, textOf, shot, useBrowser } from './harness.ts';

const browser = useBrowser();

const username = `e2e-lock-${randomInt(1e6)}`;
let password: string;

beforeAll(async () => {
  const secadmin = await apiAs('demo-secadmin');
  ({ initialPassword: password } = await secadmin.post<{ initialPassword: string }>('/api/accounts', { username, displayName: '金国平' }));
});

async function tryLogin(page: Page, pw: string): Promise<number> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(pw);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
    page.getByTestId('login-submit').click(),
  ]);
  return res.status();
}

describe('lock-out: five wrong passwords show the lock message', () => {
  it('refuses four wrong passwords, locks at the fifth, and then refuses the right one too', async () => {
    const page = await browser.desktop();
    await page.goto('/login');
    for (let i = 1; i <= 4; i++) {
      expect(await tryLogin(page, `Wrong-${i}-pass`)).toBe(401);
      await expectText(page.getByTestId('login-error'), '用户名或密码错误');
    }
    expect(await tryLogin(page, 'Wrong-5-pass')).toBe(423);
    const lockMessage = page.getByTestId('login-error');
    await expectText(lockMessage, '账号已锁定');
    // The page names the time the lock ends, e.g. 2026/3/1 14:35:00.
    expect(await textOf(lockMessage)).toMatch(/^账号已锁定，请于 \d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2} 后再试$/);
    await shot(page, 'locked');

    expect(await tryLogin(page, password)).toBe(423);
    await expectText(page.getByTestId('login-error'), '账号已锁定');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('the security administrator sees the lock and lifts it; the worker can log in again', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-secadmin');
    await page.getByTestId('accounts-search').locator('input').fill(username);
    await page.getByTestId('accounts-search').locator('input').press('Enter');
    const row = page.locator('tr', { has: page.getByTestId(`account-reset-${username}`) });
    await expectText(row, '已锁定');
    await page.getByTestId(`account-unlock-${username}`).click();
    await page.getByTestId(`account-unlock-${username}`).waitFor({ state: 'detached' });
    expect(await textOf(row)).not.toContain('已锁定');

    const worker = await browser.desktop();
    await login(worker, username, password);
    // An account made by the security administrator still has its one-time password to change.
    await expectExactText(worker.getByTestId('must-change-password').locator('.ant-card-head-title'), '请修改初始密码');
  });
});
