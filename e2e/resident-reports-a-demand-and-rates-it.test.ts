/**
 * A resident of 龙潭社区 reports a broken lift on the phone: picks the category, says what is wrong,
 * adds a photo, and gets the demand's number, waiting to be accepted. The secretary accepts it at
 * her desk and reports it resolved. The resident's bell tells of both steps; she reads what was
 * done, rates it 满意 and the demand closes with her rating. The 诉求 screens fit a 375 px phone.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, textOf, UI_TIMEOUT, useBrowser, expectNoSidewaysScroll } from './harness.ts';

const browser = useBrowser();

const tag = randomInt(1e5, 1e6);
const categoryCode = `lift-stuck-${tag}`;
const categoryName = `电梯停运${tag}`;
const description = `龙潭苑1号楼电梯停在5楼不动，按钮没有反应，老人上下楼很困难（${tag}）`;
const resolution = `物业已更换电梯控制板，电梯恢复运行（${tag}）`;
const comment = '修得很快，谢谢社区！';

/** A 1×1 PNG: a real image by its bytes, as the server checks. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  // The journey brings its own category so it does not lean on the demo's list.
  const district = await apiAs('demo-district');
  await district.post('/api/demand-categories', {
    code: categoryCode, name: categoryName, groupName: '物业管理', defaultHandler: 'property_company', deadlineDays: 2, remindDays: 1,
  });
});

/** Opens the console step's dialog, writes its words, sends it and waits for the dialog to close. */
async function step(page: Page, action: string, words?: string) {
  await page.getByTestId(`demand-action-${action}`).click();
  if (words) await page.getByTestId('demand-action-text').fill(words);
  await page.getByTestId('demand-action-submit').click();
  await page.getByTestId('demand-action-submit').waitFor({ state: 'detached' });
}

/** The bell's unread count as it shows it. */
async function unreadCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('notice-count').getAttribute('data-count'));
}

/** The resident fills in 我要反映 with this journey's category, words and a photo, and sends it; answers the new demand's id. */
async function report(page: Page): Promise<string> {
  await page.getByTestId(`m-demand-category-${categoryCode}`).click();
  await page.getByTestId('m-demand-description').fill(description);
  // Something that is not an image is refused before any upload, with its name in the message.
  await page.setInputFiles('[data-testid=m-demand-photo-input]', { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片') });
  await expectText(page.getByTestId('m-demand-photo-problems'), '说明.txt');
  await page.setInputFiles('[data-testid=m-demand-photo-input]', { name: '电梯.png', mimeType: 'image/png', buffer: PNG });
  await page.getByTestId('m-demand-photo-0').waitFor();
  await page.getByTestId('m-demand-submit').click();
  await page.waitForURL(/\/m\/demands\/[0-9a-f-]{36}\/done$/);
  return new URL(page.url()).pathname.split('/')[3]!;
}

describe('a resident reports a demand and rates its handling', () => {
  it('report on the phone → secretary accepts and resolves → bell → rate 满意 → closed', async () => {
    // 1. The resident opens 诉求 and reports the broken lift with a photo.
    const phone = await browser.phone();
    await login(phone, 'demo-resident');
    await phone.getByTestId('portal-tab-demands').click();
    await phone.waitForURL('**/m/demands');
    await phone.getByTestId('m-demands-entry-report').click();
    await phone.waitForURL('**/m/demands/new');
    await expectText(phone.getByTestId('m-demand-place-home'), '我家');
    const demandId = await report(phone);
    const no = (await textOf(phone.getByTestId('m-demand-submitted-no'))).trim();
    expect(no).toMatch(/^SQ\d{13}$/);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'demand-portal-submitted');

    // 2. Her list shows it with its number, waiting to be accepted; its page has the photo and the first step.
    await phone.goto('/m/demands');
    const item = phone.getByTestId(`m-demand-item-${demandId}`);
    await expectText(item, no);
    await expectText(item, categoryName);
    await expectExactText(phone.getByTestId(`m-demand-state-${demandId}`), '待受理');
    await item.click();
    await phone.waitForURL(`**/m/demands/${demandId}`);
    await expectExactText(phone.getByTestId('m-demand-no'), no);
    await expectExactText(phone.getByTestId('m-demand-state'), '待受理');
    await expect.poll(() => phone.getByTestId('m-demand-report-photos').locator('img').count(), { timeout: UI_TIMEOUT }).toBe(1);
    await expectText(phone.getByTestId('m-demand-steps'), '提交诉求');
    await expectNoSidewaysScroll(phone);
    const { unread: unreadBefore } = await (await apiAs('demo-resident')).get<{ unread: number }>('/api/notifications');

    // 3. The secretary accepts it at her desk and reports what was done.
    const desk = await browser.desktop();
    await login(desk, 'demo-secretary');
    await desk.goto(`/console/demands/${demandId}`);
    await expectExactText(desk.getByTestId('demand-no'), no);
    await step(desk, 'accept');
    await expectExactText(desk.getByTestId('demand-state'), '已受理');
    await step(desk, 'resolve', resolution);
    await expectExactText(desk.getByTestId('demand-state'), '已办结');

    // 4. The resident's bell tells of both steps; tapping the latest opens the demand and marks it read.
    await phone.getByTestId('notice-bell').click();
    const notices = phone.getByTestId('notice-list');
    await expectText(notices, `${no} 已受理`);
    await expectText(notices, `${no} 已办结`);
    // Both are new and unread (the deadline timer may have told her of another demand meanwhile).
    await expect.poll(() => unreadCount(phone), { timeout: UI_TIMEOUT }).toBeGreaterThanOrEqual(unreadBefore + 2);
    const unreadShown = await unreadCount(phone);
    await shot(phone, 'demand-portal-bell');
    // The notice itself (it carries data-read), not its title line inside it.
    const resolvedNotice = notices.locator('[data-testid^="notice-"][data-read]', { hasText: `${no} 已办结` });
    await expect(resolvedNotice.getAttribute('data-read')).resolves.toBe('false');
    await resolvedNotice.click();
    await phone.waitForURL(`**/m/demands/${demandId}`);
    await expect.poll(() => unreadCount(phone), { timeout: UI_TIMEOUT }).toBe(unreadShown - 1);

    // 5. She reads what was done; choosing 不满意 would reopen it, so she is told before sending.
    await expectExactText(phone.getByTestId('m-demand-state'), '已办结');
    await expectText(phone.getByTestId('m-demand-resolve-note'), resolution);
    await expectText(phone.getByTestId('m-demand-steps'), '社区受理');
    await expectText(phone.getByTestId('m-demand-steps'), resolution);
    await phone.getByTestId('m-demand-rate-unsatisfied').click();
    await expectText(phone.getByTestId('m-demand-rate-unsatisfied-note'), '重新办理');
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'demand-portal-resolved');

    // 6. She rates it 满意 with a word of thanks: it closes with her rating.
    await phone.getByTestId('m-demand-rate-satisfied').click();
    await phone.getByTestId('m-demand-rate-comment').fill(comment);
    await phone.getByTestId('m-demand-rate-submit').click();
    await expectExactText(phone.getByTestId('m-demand-state'), '已关闭');
    await expectExactText(phone.getByTestId('m-demand-rating-value'), '满意');
    await expectText(phone.getByTestId('m-demand-rating'), comment);
    await expectText(phone.getByTestId('m-demand-steps'), '居民评价');
    await expect(phone.getByTestId('m-demand-rate').count()).resolves.toBe(0);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'demand-portal-closed');

    // 7. Her list shows it closed, and the secretary's page shows the rating.
    await phone.goto('/m/demands');
    await expectExactText(phone.getByTestId(`m-demand-state-${demandId}`), '已关闭');
    await desk.reload();
    await expectExactText(desk.getByTestId('demand-state'), '已关闭');
    await expectText(desk.getByTestId('demand-rating'), '满意');
  });

  it('fits the 诉求 screens on a 375 px phone: list, community board, report form with the place tree, a demand', async () => {
    const phone = await browser.phone();
    await login(phone, 'demo-resident');
    await phone.getByTestId('portal-tab-demands').click();
    await phone.waitForURL('**/m/demands');
    await phone.getByTestId('m-demands-mine').or(phone.getByTestId('m-demands-mine-empty')).first().waitFor();
    await expectNoSidewaysScroll(phone);

    await phone.getByTestId('m-demands-view-public').click();
    await expectText(phone.getByTestId('m-demands-public'), '龙潭');
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'demand-portal-public');

    await phone.goto('/m/demands/new');
    await phone.getByTestId(`m-demand-category-${categoryCode}`).click();
    await phone.getByTestId('m-demand-description').fill(description);
    for (let i = 0; i < 4; i++) {
      await phone.setInputFiles('[data-testid=m-demand-photo-input]', { name: `照片${i}.png`, mimeType: 'image/png', buffer: PNG });
    }
    await phone.getByTestId('m-demand-photo-3').waitFor();
    await phone.getByTestId('m-demand-place-other').click();
    await phone.getByTestId('m-demand-place-tree').click();
    const grid = phone.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-treenode', { hasText: '网格' }).first();
    await grid.waitFor();
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'demand-portal-form');
    await grid.locator('.ant-select-tree-node-content-wrapper').click();
    await expectText(phone.getByTestId('m-demand-place-tree'), '网格');
    await expectNoSidewaysScroll(phone);

    await phone.getByTestId('m-demand-submit').click();
    await phone.waitForURL(/\/m\/demands\/[0-9a-f-]{36}\/done$/);
    await phone.getByTestId('m-demand-submitted-view').click();
    await phone.getByTestId('m-demand-detail').waitFor();
    await expectText(phone.getByTestId('m-demand-detail'), '网格');
    await expect.poll(() => phone.getByTestId('m-demand-report-photos').locator('img').count(), { timeout: UI_TIMEOUT }).toBe(4);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'demand-portal-detail');
  });
});
