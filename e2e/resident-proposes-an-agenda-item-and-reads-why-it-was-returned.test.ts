/**
 * A resident of 龙潭社区 proposes two topics on her phone. The secretary, at her desk, accepts one
 * and returns the other with a reason. On the phone the resident sees the first accepted and the
 * second returned with the secretary's words; nothing reaches a meeting without that review.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, useBrowser, expectNoSidewaysScroll } from './harness.ts';

const browser = useBrowser();

const tag = randomInt(1e5, 1e6);
const kept = `小区东门增设非机动车充电桩（${tag}）`;
const returned = `请求把小区围墙刷成蓝色（${tag}）`;
const reason = `围墙颜色由业主大会决定，已转业委会征求意见（${tag}）`;

/** The resident fills in 我要提议题 and sends it; answers the new item's id. */
async function propose(phone: Page, title: string): Promise<string> {
  await phone.goto('/m/agenda');
  await phone.getByTestId('m-agenda-new').click();
  await phone.waitForURL('**/m/agenda/new');
  await phone.getByTestId('m-agenda-title').fill(title);
  await phone.getByTestId('m-agenda-description').fill('晚上电动车在楼道充电，很危险。');
  await phone.getByTestId('m-agenda-submit').click();
  await phone.waitForURL(/\/m\/agenda\/[0-9a-f-]{36}$/);
  await expectExactText(phone.getByTestId('m-agenda-detail-title'), title);
  await expectExactText(phone.getByTestId('m-agenda-detail-state'), '待审核');
  return new URL(phone.url()).pathname.split('/').pop()!;
}

describe('a resident proposes agenda items and follows their review', () => {
  it('propose two on the phone → the secretary accepts one and returns one with a reason → the resident reads both outcomes', async () => {
    // 1. From the home tab's 议事协商 card to 提议题, twice.
    const phone = await browser.phone();
    await login(phone, 'demo-resident');
    await phone.getByTestId('m-deliberation-agenda').click();
    await phone.waitForURL('**/m/agenda');
    const keptId = await propose(phone, kept);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'deliberation-portal-proposed');
    const returnedId = await propose(phone, returned);

    // 2. The secretary reviews both at her desk: the proposals wait there with their source.
    const desk = await browser.desktop();
    await login(desk, 'demo-secretary');
    await desk.goto('/console/agenda');
    await expectText(desk.getByTestId(`agenda-item-${keptId}`), kept);
    await expectText(desk.getByTestId(`agenda-source-${returnedId}`), '居民提议');
    await desk.getByTestId(`agenda-accept-${keptId}`).click();
    await desk.getByTestId(`agenda-item-${keptId}`).waitFor({ state: 'detached' });
    // Returning needs a reason: an empty one sends nothing.
    await desk.getByTestId(`agenda-return-${returnedId}`).click();
    await desk.getByTestId('agenda-return-submit').click();
    await expectText(desk.locator('.ant-modal'), '请填写此项');
    await desk.getByTestId('agenda-return-text').fill(reason);
    await desk.getByTestId('agenda-return-submit').click();
    await desk.getByTestId('agenda-return-submit').waitFor({ state: 'detached' });
    await desk.getByTestId('agenda-tab-closed').click();
    await expectExactText(desk.getByTestId(`agenda-state-${returnedId}`), '已退回');
    await expectText(desk.getByTestId(`agenda-reason-${returnedId}`), reason);

    // 3. The resident's list shows the one accepted and the other returned, with the reason.
    await phone.goto('/m/agenda');
    await expectExactText(phone.getByTestId(`m-agenda-state-${keptId}`), '已受理');
    await expectExactText(phone.getByTestId(`m-agenda-state-${returnedId}`), '已退回');
    await expectText(phone.getByTestId(`m-agenda-reason-${returnedId}`), reason);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'deliberation-portal-returned');

    // 4. The returned item cannot be put on a meeting: the server holds the agenda control too.
    const secretary = await apiAs('demo-secretary');
    const grant = (await secretary.get<{ grants: { territoryId: string }[] }>('/api/auth/session')).grants[0]!;
    const meeting = await secretary.post<{ id: string }>('/api/meetings', {
      territoryId: grant.territoryId, kind: 'deliberation', title: `议事会（${tag}）`, startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const refused = await secretary.send('POST', `/api/meetings/${meeting.id}/items`, { agendaItemId: returnedId });
    expect(refused.status).toBe(409);
  });
});
