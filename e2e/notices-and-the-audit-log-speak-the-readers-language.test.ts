/**
 * A resident of 龙潭社区 reports a dark stairwell; the secretary accepts it and reports it fixed.
 * The resident's bell tells her in sentences of its own — the deadline, what was done — in Chinese,
 * and in English once she has chosen English. The auditor finds the resolution in the audit log by
 * its Chinese name, the code it is filed under kept in view for citing, at the desk and on a phone.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, chooseOption, expectExactText, expectText, login, shot, useBrowser } from './harness.ts';

const browser = useBrowser();

const tag = randomInt(1e5, 1e6);
const result = `已更换三楼楼道灯泡（${tag}）`;
let demandId: string;
let no: string;
let resolvedNotice: number;
let acceptedNotice: number;

interface Notice { id: number; kind: string; title: string; body: string; params: Record<string, unknown> | null }

beforeAll(async () => {
  const resident = await apiAs('demo-resident');
  const categories = await resident.get<{ items: { id: string }[] }>('/api/demand-categories');
  const demand = await resident.post<{ id: string; no: string }>('/api/demands', {
    categoryId: categories.items[0]!.id, description: `楼道灯不亮，晚上看不清台阶（${tag}）`,
  });
  demandId = demand.id;
  no = demand.no;
  const secretary = await apiAs('demo-secretary');
  await secretary.post(`/api/demands/${demandId}/accept`, {});
  await secretary.post(`/api/demands/${demandId}/resolve`, { note: result });
  const notices = (await resident.get<{ items: Notice[] }>('/api/notifications?limit=200')).items.filter((n) => n.params?.no === no);
  const resolved = notices.find((n) => n.kind === 'demand.resolved')!;
  // The stored text has no word of what was done: whatever the bell shows of it comes from the catalogue.
  expect(resolved.body).toBe('');
  resolvedNotice = resolved.id;
  acceptedNotice = notices.find((n) => n.kind === 'demand.accepted')!.id;
});

async function openBell(page: Page) {
  await page.getByTestId('notice-bell').click();
  await page.getByTestId(`notice-${resolvedNotice}`).waitFor();
}

/** Searches the log for the secretary's records of one action, chosen from the list by its name. */
async function findResolution(page: Page) {
  await page.getByTestId('audit-actor').fill('demo-secretary');
  await page.getByTestId('audit-action').fill('办结');
  await chooseOption(page, '办结诉求');
  await expect.poll(() => page.getByTestId('audit-action').inputValue()).toBe('demand.resolve');
  await page.getByTestId('audit-apply').click();
  const row = page.getByTestId('audit-table').locator('tbody tr.ant-table-row', { hasText: demandId.slice(0, 8) });
  await expectText(row, '办结诉求');
  expect(await row.getByTestId('audit-action-label').innerText()).toBe('办结诉求');
  return row;
}

describe('notices and the audit log in the reader\'s language', () => {
  it('the bell tells the resident of her demand in sentences of its own, in Chinese and then in English', async () => {
    const phone = await browser.phone();
    await login(phone, 'demo-resident');
    await openBell(phone);
    await expectExactText(phone.getByTestId(`notice-title-${resolvedNotice}`), `您的诉求 ${no} 已办结，请评价`);
    await expectText(phone.getByTestId(`notice-${resolvedNotice}`), `办理结果：${result}`);
    await expectExactText(phone.getByTestId(`notice-title-${acceptedNotice}`), `您的诉求 ${no} 已受理`);
    await expectText(phone.getByTestId(`notice-${acceptedNotice}`), '办理时限：');
    await shot(phone, 'notices-zh');

    await phone.evaluate(() => localStorage.setItem('gongzhi.lang', 'en-US'));
    await phone.goto('/m');
    await openBell(phone);
    await expectExactText(phone.getByTestId(`notice-title-${resolvedNotice}`), `Your demand ${no} is resolved — please rate it`);
    await expectText(phone.getByTestId(`notice-${resolvedNotice}`), `Outcome: ${result}`);
    await expectText(phone.getByTestId(`notice-${acceptedNotice}`), 'Due by ');
    await shot(phone, 'notices-en');
  });

  it('the auditor finds the resolution by its Chinese name, with its code and its states named', async () => {
    const desk = await browser.desktop();
    await login(desk, 'demo-auditor');
    await desk.goto('/console/audit');
    const row = await findResolution(desk);
    expect((await row.locator('td').allInnerTexts()).join()).not.toContain('demand.resolve');
    await row.locator('.ant-table-row-expand-icon').click();
    const codes = desk.locator('[data-testid^="audit-codes-"]').first();
    await expectText(codes, 'demand.resolve');
    await expectText(codes, `demand ${demandId}`);
    const state = desk.locator('[data-testid^="audit-diff-table-"]').first().getByTestId('audit-diff-row-state');
    await expect.poll(async () => (await state.locator('td').allInnerTexts()).map((c) => c.trim())).toEqual(['状态\nstate', '已受理', '已办结']);
    await shot(desk, 'audit-by-name');
  });

  it('reads the action\'s name on a phone without scrolling sideways', async () => {
    const phone = await browser.phone();
    await login(phone, 'demo-auditor');
    await phone.goto('/console/audit');
    const row = await findResolution(phone);
    const box = await row.getByTestId('audit-action-label').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await shot(phone, 'audit-by-name-phone');
  });
});
