/**
 * The security administrator opens an account for a new community worker of 龙潭社区 and grants
 * the role. The one-time password is shown once; the worker logs in with it, must set their own
 * password before anything else, and then lands on their community.
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, textOf, useBrowser, chooseOption } from './harness.ts';

const browser = useBrowser();

const username = `e2e-worker-${randomInt(1e6)}`;
const displayName = '许文静';
const newPassword = 'Longtan#2026x';

describe('forced password change for an account the security administrator created', () => {
  it('create → one-time password → grant → log in → must change → lands on the community', async () => {
    const admin = await browser.desktop();
    await login(admin, 'demo-secadmin');
    await admin.getByTestId('account-create').click();
    await admin.getByTestId('account-form-username').fill(username);
    await admin.getByTestId('account-form-name').fill(displayName);
    await admin.getByTestId('account-form-submit').click();

    const shown = admin.getByTestId('initial-password');
    await expectText(admin.locator('.ant-modal', { has: shown }), '初始密码只显示这一次');
    const initialPassword = (await textOf(shown)).trim();
    expect(initialPassword.length).toBeGreaterThanOrEqual(8);
    await shot(admin, 'account-initial-password');
    await admin.locator('.ant-modal', { has: shown }).getByRole('button', { name: '关闭' }).click();
    await shown.waitFor({ state: 'hidden' });

    const row = admin.locator('tr', { has: admin.getByTestId(`account-reset-${username}`) });
    await expectText(row, '待改密');
    await admin.getByTestId(`grant-add-${username}`).click();
    await admin.getByTestId('grant-form-role').click();
    await chooseOption(admin, /^社工$/);
    await admin.getByTestId('grant-form-territory').click();
    await admin.getByTestId('grant-form-territory').locator('input').fill('龙潭社区');
    await chooseOption(admin, '310117001001');
    await admin.getByTestId('grant-form-submit').click();
    await expectText(row, '社工 · 龙潭社区居委会');
    await shot(admin, 'account-granted');

    const worker = await browser.desktop();
    await login(worker, username, initialPassword);
    const form = worker.getByTestId('must-change-password');
    await expectText(form, '请修改初始密码');
    await expectText(form, displayName);
    // Every page shows only the password form until it is changed.
    await worker.goto('/console/people');
    await form.waitFor();
    expect(await worker.getByTestId('people-table').count()).toBe(0);
    await shot(worker, 'must-change-password');

    await worker.getByTestId('password-current').fill(initialPassword);
    await worker.getByTestId('password-new').fill(newPassword);
    await worker.getByTestId('password-confirm').fill(newPassword);
    await worker.getByTestId('password-submit').click();
    await worker.waitForURL(/\/console\/territory\/[0-9a-f-]{36}$/);
    await expectExactText(worker.getByTestId('territory-name'), '龙潭社区居委会');
    await expectExactText(worker.getByTestId('user-name'), displayName);
    await expectText(worker.getByTestId('user-grant'), '社工 · 龙潭社区居委会');

    // The one-time password is spent; the new one is the password now.
    await expect(apiAs(username, initialPassword)).rejects.toThrow(/401/);
    await apiAs(username, newPassword);
  });
});
