/**
 * The district administrator changes the points for each hour of service: the rule in force shows
 * the new value, the version it replaced moves to the history with its end time, and a member's
 * balance and past entries stay exactly as they were.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, useBrowser, chooseOption } from './harness.ts';

const browser = useBrowser();

interface Rule { id: string; code: string; points: number; monthlyCap: number | null; expiry: 'none' | 'annual'; validTo: string | null }
interface Rules { districtId: string; current: Rule[]; history: Rule[] }
interface Entries { items: { id: number; personId: string; ruleCode: string; points: number }[]; sum: number }
type Api = Awaited<ReturnType<typeof apiAs>>;

let admin: Api;
let before: Rule;
let districtId: string;
let personId: string;
let balance: number;
let entries: Entries['items'];
const newPoints = 11 + randomInt(20);

beforeAll(async () => {
  admin = await apiAs('demo-district');
  const rules = await admin.get<Rules>('/api/points/rules');
  districtId = rules.districtId;
  before = rules.current.find((r) => r.code === 'service_hour')!;
  // A member who already earned service-hour points: their record must not move.
  const ledger = await admin.get<Entries>('/api/points/entries?pageSize=100');
  personId = ledger.items.find((e) => e.ruleCode === 'service_hour' && e.points > 0)!.personId;
  const theirs = await admin.get<Entries>(`/api/points/entries?personId=${personId}&pageSize=100`);
  balance = theirs.sum;
  entries = theirs.items;
});

afterAll(async () => {
  await admin.send('PUT', `/api/points/rules/service_hour`, { districtId, points: before.points, monthlyCap: before.monthlyCap, expiry: before.expiry });
});

const input = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

describe('a district administrator changes a points rule', () => {
  it('opens a new version, keeps the old one in the history and leaves balances alone', async () => {
    const desk = await browser.desktop();
    await login(desk, 'demo-district');
    await desk.goto('/console/points?tab=rules');
    const row = desk.getByTestId('rule-row-service_hour');
    await expectText(row, `${before.points} / 小时`);

    await desk.getByTestId('rule-edit-service_hour').click();
    await expect.poll(() => input(desk, 'rule-form-points').inputValue()).toBe(String(before.points));
    await input(desk, 'rule-form-points').fill(String(newPoints));
    if (before.monthlyCap === null) await desk.getByTestId('rule-form-uncapped').click();
    await input(desk, 'rule-form-cap').fill('300');
    await desk.getByTestId('rule-form-expiry').click();
    await chooseOption(desk, desk.getByTestId('rule-form-expiry-annual'));
    await shot(desk, 'rules-edit');
    await desk.getByTestId('rule-form-submit').click();

    await expectText(row, `${newPoints} / 小时`);
    await expectText(row, '300');
    await expectText(row, '次年年底清零');
    // The replaced version is listed with its own value and an end time.
    const history = desk.getByTestId('rules-history');
    await expectText(history, `${before.points} / 小时`);
    const rules = await admin.get<Rules>('/api/points/rules');
    const closed = rules.history.find((r) => r.id === before.id);
    expect(closed?.validTo).not.toBeNull();
    expect(rules.current.find((r) => r.code === 'service_hour')).toMatchObject({ points: newPoints, monthlyCap: 300, expiry: 'annual' });
    await shot(desk, 'rules-history');

    // The member's ledger and balance are what they were.
    await desk.goto(`/console/points?tab=ledger&personId=${personId}`);
    await expectExactText(desk.getByTestId('ledger-balance'), String(balance));
    const after = await admin.get<Entries>(`/api/points/entries?personId=${personId}&pageSize=100`);
    expect(after.sum).toBe(balance);
    expect(after.items.map((e) => [e.id, e.points])).toEqual(entries.map((e) => [e.id, e.points]));
  });

  it('shows the rules on a 375 px phone without sideways scrolling', async () => {
    const phone = await browser.phone();
    await login(phone, 'demo-district');
    await phone.goto('/console/points?tab=rules');
    await phone.getByTestId('rule-row-service_hour').waitFor();
    const width = await phone.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
    expect(width).toBeLessThanOrEqual(375);
    await shot(phone, 'rules-phone');
  });
});
