/**
 * A resident phones 龙潭社区 about a broken lift. The secretary logs the call at her desk, accepts
 * it, assigns it to the property company and, when that stalls, blows the whistle (吹哨报到) to
 * the street. The street cadre finds it on the phone under 上级交办, opens it and reports it
 * resolved; the secretary's list then shows it resolved, at street level.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, textOf, useBrowser, chooseOption, expectNoSidewaysScroll } from './harness.ts';

const browser = useBrowser();

const tag = randomInt(1e5, 1e6);
const categoryName = `电梯困人${tag}`;
const description = `龙潭苑3号楼电梯停在5楼不动，王阿姨家老人下不了楼（${tag}）`;
const whistleReason = '物业两天没来修，需要街道协调维保单位';
const resolution = '街道协调维保单位更换了电梯控制板，已恢复运行';

beforeAll(async () => {
  // The district keeps its categories; this journey brings its own so it does not lean on the demo's.
  const district = await apiAs('demo-district');
  await district.post('/api/demand-categories', {
    code: `lift-${tag}`, name: categoryName, groupName: '物业管理', defaultHandler: 'property_company', deadlineDays: 2, remindDays: 1,
  });
});

/** Chooses an option of an antd select, typing first when the select searches as one types. */
async function pick(page: Page, testId: string, option: string | RegExp, typed?: string) {
  await page.getByTestId(testId).click();
  if (typed) await page.getByTestId(testId).locator('input').fill(typed);
  await chooseOption(page, option);
}

/** Opens the step's dialog, writes its words, sends it and waits for the dialog to close. */
async function step(page: Page, action: string, words?: string) {
  await page.getByTestId(`demand-action-${action}`).click();
  if (words) await page.getByTestId('demand-action-text').fill(words);
  await page.getByTestId('demand-action-submit').click();
  await page.getByTestId('demand-action-submit').waitFor({ state: 'detached' });
}

describe('a worker handles a demand and whistles it to the street', () => {
  it('log a phone call → accept → assign → whistle; the street resolves it on the phone', async () => {
    // 1. The secretary logs the call: category, what was said, the grid, the caller's name and number.
    const desk = await browser.desktop();
    await login(desk, 'demo-secretary');
    await desk.getByTestId('nav-demands').click();
    await desk.waitForURL('**/console/demands');
    await desk.getByTestId('demand-new').click();
    await desk.waitForURL('**/console/demands/new');
    await expectText(desk.getByTestId('demand-form-channel').locator('.ant-radio-button-wrapper-checked'), '来电');
    await pick(desk, 'demand-form-category', categoryName, categoryName);
    await desk.getByTestId('demand-form-description').fill(description);
    await pick(desk, 'demand-form-place', '310117001001-G1', '龙潭第1网格');
    await desk.getByTestId('demand-form-room').fill('3号楼502室');
    await desk.getByTestId('demand-form-who').getByText('填写联系人').click();
    await desk.getByTestId('demand-form-contact-name').fill('王阿姨');
    await desk.getByTestId('demand-form-contact-phone').fill(`139${String(tag).padStart(8, '0')}`);
    await desk.getByTestId('demand-form-submit').click();
    await desk.waitForURL(/\/console\/demands\/[0-9a-f-]{36}$/);
    const demandId = desk.url().split('/').pop()!;
    const no = (await textOf(desk.getByTestId('demand-no'))).trim();
    expect(no).toMatch(/^SQ\d{13}$/);
    await expectExactText(desk.getByTestId('demand-state'), '待受理');
    await expectText(desk.getByTestId('demand-facts'), categoryName);
    await expectText(desk.getByTestId('demand-place'), '龙潭第1网格');
    await expectText(desk.getByTestId('demand-timeline'), '提交诉求');

    // 2. She accepts it: the deadline starts and the property company is the default handler.
    await step(desk, 'accept');
    await expectExactText(desk.getByTestId('demand-state'), '已受理');
    expect((await textOf(desk.getByTestId('demand-due'))).trim()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(desk.getByTestId('demand-action-accept').count()).resolves.toBe(0);

    // 3. She assigns it to the property company of 龙潭苑.
    const secretary = await apiAs('demo-secretary');
    const handlers = await secretary.get<{ items: { name: string; kind: string }[] }>(`/api/demands/${demandId}/handlers`);
    const company = handlers.items.find((h) => h.kind === 'property_company')!.name;
    await desk.getByTestId('demand-action-assign').click();
    await pick(desk, 'demand-assign-body', company);
    await desk.getByTestId('demand-action-submit').click();
    await desk.getByTestId('demand-action-submit').waitFor({ state: 'detached' });
    await expectExactText(desk.getByTestId('demand-state'), '已派单');
    await expectText(desk.getByTestId('demand-handler'), company);
    await expectText(desk.getByTestId('demand-timeline'), `派给 ${company}`);

    // 4. The company does not come; she blows the whistle and the street takes it over.
    await desk.getByTestId('demand-action-whistle').click();
    await expectText(desk.getByTestId('demand-whistle-hint'), '街镇');
    await desk.getByTestId('demand-action-text').fill(whistleReason);
    await desk.getByTestId('demand-action-submit').click();
    await desk.getByTestId('demand-action-submit').waitFor({ state: 'detached' });
    await expectExactText(desk.getByTestId('demand-level'), '街镇');
    await expectText(desk.getByTestId('demand-timeline'), whistleReason);
    await expectText(desk.getByTestId('demand-actions'), '当前没有可由您办理的操作');
    await shot(desk, 'demand-whistled');

    // 5. The street cadre, on a phone, finds it under 上级交办 and opens it.
    const phone = await browser.phone();
    await login(phone, 'demo-street');
    await phone.getByTestId('menu-toggle').click();
    await phone.getByTestId('nav-demands').click();
    await phone.waitForURL('**/console/demands');
    await expectText(phone.getByTestId('demand-tabs').locator('.ant-segmented-item-selected'), '上级交办');
    const card = phone.getByTestId(`demand-card-${demandId}`);
    await expectText(card, no);
    await expectText(card, categoryName);
    await expectText(card, '已派单');
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'demand-street-escalated-list');
    await card.click();
    await phone.waitForURL(`**/console/demands/${demandId}`);
    await expectExactText(phone.getByTestId('demand-no'), no);
    // Staff other than the one who took the call see the caller's details masked.
    const contact = await textOf(phone.getByTestId('demand-contact'));
    expect(contact).toContain('*');
    expect(contact).not.toContain(String(tag).padStart(8, '0'));
    await expectText(phone.getByTestId('demand-timeline'), whistleReason);
    await expectNoSidewaysScroll(phone);

    // 6. With no line department in the street, the street reports it resolved itself.
    await step(phone, 'resolve', resolution);
    await expectExactText(phone.getByTestId('demand-state'), '已办结');
    await expectText(phone.getByTestId('demand-timeline'), resolution);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'demand-street-resolved');

    // 7. Back at the desk the secretary finds it among all demands of its category, resolved, at street level.
    await desk.goto('/console/demands?tab=all');
    await pick(desk, 'demand-filter-category', categoryName, categoryName);
    const row = desk.getByTestId(`demand-row-${demandId}`);
    await expectText(row, '已办结');
    await expectText(row, '街镇');
  });
});
