/**
 * The liaison of a resident unit (驻区单位) registers the unit's party branch with 龙潭社区 (组织报到)
 * and writes what it offers; the community returns it asking for specifics; the liaison reads the
 * reason, submits again with dates, and later withdraws it. The page also fits a 375 px phone.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, useBrowser } from './harness.ts';

const browser = useBrowser();
const commitments = `每月组织一次志愿服务 ${randomInt(1e4)}`;
const better = `每月第一个周六上午在龙潭苑开展志愿服务；每季度开放会议室两次 ${randomInt(1e4)}`;
const reason = '请写明服务的具体时间和地点';

interface UnitReg { id: string; state: string; commitments: string; body: { id: string }; territory: { id: string } }
type Api = Awaited<ReturnType<typeof apiAs>>;
let liaison: Api;
let secretary: Api;
let branchId: string;

beforeAll(async () => {
  liaison = await apiAs('demo-unit');
  secretary = await apiAs('demo-secretary');
  const units = await liaison.get<{ items: { body: { id: string; name: string } }[] }>('/api/unit-registrations/units');
  branchId = units.items[0]!.body.id;
  // A live registration of the branch left by an earlier run would refuse a new one.
  const mine = await liaison.get<{ items: UnitReg[] }>('/api/unit-registrations?pageSize=100');
  for (const r of mine.items.filter((i) => i.body.id === branchId && (i.state === 'pending' || i.state === 'confirmed'))) {
    await liaison.post(`/api/unit-registrations/${r.id}/withdraw`);
  }
});

const newest = async (text: string) => {
  const items = (await liaison.get<{ items: UnitReg[] }>('/api/unit-registrations?pageSize=100')).items;
  const found = items.find((i) => i.commitments === text);
  expect(found, `a registration with “${text}”`).toBeDefined();
  return found!;
};

async function submitForm(page: Page, text: string) {
  const box = page.getByTestId('unit-reg-form-commitments');
  await box.fill(text);
  await page.getByTestId('unit-reg-form-submit').click();
}

describe('a unit liaison registers the unit with the community', () => {
  it('submit → returned with a reason → submit again → withdraw', async () => {
    const desk = await browser.desktop();
    await login(desk, 'demo-unit');
    await desk.getByTestId('nav-registrations').click();
    await desk.waitForURL('**/console/registrations**');

    // 1. The form offers the unit's party branch and the community first; the liaison writes the commitments.
    await desk.getByTestId('unit-reg-new').click();
    await expectText(desk.getByTestId('unit-reg-form-body'), '党支部');
    await expectText(desk.getByTestId('unit-reg-form-target'), '龙潭社区');
    await shot(desk, 'unit-registration-form');
    await submitForm(desk, commitments);
    const first = await newest(commitments);
    expect(first).toMatchObject({ state: 'pending', body: { id: branchId } });
    await expectText(desk.getByTestId(`unit-reg-row-${first.id}`), commitments);
    await expectExactText(desk.getByTestId(`unit-reg-state-${first.id}`), '待确认');
    await expect.poll(() => desk.getByTestId(`unit-reg-resubmit-${first.id}`).count()).toBe(0);

    // 2. The community returns it with a reason; the liaison sees the reason under the state.
    await secretary.post(`/api/unit-registrations/${first.id}/return`, { reason });
    await desk.reload();
    await expectExactText(desk.getByTestId(`unit-reg-state-${first.id}`), '已退回');
    await expectText(desk.getByTestId(`unit-reg-reason-${first.id}`), reason);
    await shot(desk, 'unit-registration-returned');

    // 3. Submitting again starts from the returned text; the liaison makes it specific.
    await desk.getByTestId(`unit-reg-resubmit-${first.id}`).click();
    await expect.poll(() => desk.getByTestId('unit-reg-form-commitments').inputValue()).toBe(commitments);
    await submitForm(desk, better);
    const second = await newest(better);
    expect(second).toMatchObject({ state: 'pending', territory: { id: first.territory.id } });
    await expectExactText(desk.getByTestId(`unit-reg-state-${second.id}`), '待确认');
    // With a live one again, the returned one no longer offers to submit again.
    await expect.poll(() => desk.getByTestId(`unit-reg-resubmit-${first.id}`).count()).toBe(0);

    // 4. The liaison withdraws it.
    await desk.getByTestId(`unit-reg-withdraw-${second.id}`).click();
    await desk.getByTestId('unit-reg-withdraw-confirm').click();
    await expectExactText(desk.getByTestId(`unit-reg-state-${second.id}`), '已撤回');
    expect((await newest(better)).state).toBe('withdrawn');
  });

  it('works on a 375 px phone: the list and the form fit the screen', async () => {
    const phone = await browser.phone();
    await login(phone, 'demo-unit');
    await phone.goto('/console/registrations?tab=units');
    await phone.getByTestId('unit-regs-table').waitFor();
    await phone.getByTestId('unit-reg-new').click();
    await phone.getByTestId('unit-reg-form-commitments').waitFor();
    const width = await phone.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
    expect(width).toBeLessThanOrEqual(375);
    await shot(phone, 'unit-registration-phone');
  });
});
