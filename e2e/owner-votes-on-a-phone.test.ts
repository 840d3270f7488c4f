/**
 * An owner of 龙潭苑 opens the vote on renewing the property manager from a 375 px phone, sees how
 * long is left, votes, keeps the receipt code and checks it; the community secretary watches the
 * live tally count one more owner. The closed vote shows its frozen verdict with every figure, and
 * a vote whose closing time comes closes by itself and shows its verdict on the owner's phone.
 */
import { describe, expect, it } from 'vitest';
import { apiAs, expectText, login, shot, textOf, UI_TIMEOUT, useBrowser, expectNoSidewaysScroll } from './harness.ts';

const browser = useBrowser();

interface MyMatter { id: string; title: string; state: 'open' | 'closed'; closesAt: string | null }

describe('owners’ vote on a phone', () => {
  it('the resident sees the time left, votes, keeps and checks the receipt; the secretary sees the tally move; a closed vote shows its verdict', async () => {
    const estates = (await (await apiAs('demo-secretary')).get<{ items: { id: string; name: string }[] }>('/api/estates')).items;
    const estate = estates.find((e) => e.name === '龙潭苑')!;
    const mine = (await (await apiAs('demo-resident')).get<{ items: MyMatter[] }>('/api/my/vote-matters')).items;
    const open = mine.find((m) => m.state === 'open' && m.title.startsWith('续聘'))!;
    const closed = mine.find((m) => m.state === 'closed')!;

    const desk = await browser.desktop();
    await login(desk, 'demo-secretary');
    await desk.goto(`/console/estates/${estate.id}`);
    // The live tally of this very matter: other journeys add matters to the estate, and the list puts the newest first.
    await desk.locator(`tr[data-row-key="${open.id}"] .ant-table-row-expand-icon`).click();
    const participation = desk.locator(`tr[data-row-key="${open.id}"] + tr`).getByTestId('vote-value-participation_owners');
    const before = Number(await textOf(participation));
    await shot(desk, 'voting-tally-before');

    const phone = await browser.phone();
    await login(phone, 'demo-resident');
    await phone.getByTestId('m-home-votes-entry').click();
    await phone.waitForURL('**/m/votes');
    await phone.getByTestId(`my-matter-${open.id}`).click();
    await phone.waitForURL(`**/m/votes/${open.id}`);
    await expectText(phone.getByTestId('vote-time-left'), '距截止还有');
    await expectText(phone.getByTestId('vote-closes-at'), '截止时间');

    await phone.getByTestId('vote-for').click();
    await expectText(phone.getByTestId('vote-confirm-text'), '同意');
    await phone.getByTestId('vote-confirm').click();
    const receipt = await textOf(phone.getByTestId('my-receipt'));
    expect(receipt).toMatch(/^[A-Z2-7]{10}$/);
    await expectText(phone.getByTestId('my-ballot'), '同意');
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'voting-phone-receipt');

    await phone.getByTestId('receipt-input').fill(receipt.toLowerCase());
    await phone.getByTestId('receipt-check').click();
    await expectText(phone.getByTestId('receipt-answer'), '您的选票已计入');
    await expectText(phone.getByTestId('receipt-answer'), '同意');
    await phone.getByTestId('receipt-input').fill('AAAAAAAAAA');
    await phone.getByTestId('receipt-check').click();
    await expectText(phone.getByTestId('receipt-answer'), '没有这个回执码');

    await desk.getByTestId('tally-refresh').click();
    await expect.poll(async () => Number(await textOf(participation)), { timeout: UI_TIMEOUT }).toBe(before + 1);
    await shot(desk, 'voting-tally-after');

    await phone.getByTestId('vote-back').click();
    await phone.getByTestId(`my-matter-${closed.id}`).click();
    await phone.waitForURL(`**/m/votes/${closed.id}`);
    await expectText(phone.getByTestId('vote-result'), '结果已确定');
    await expect.poll(() => phone.getByTestId('vote-verdict').count(), { timeout: UI_TIMEOUT }).toBe(1);
    await expectText(phone.getByTestId('vote-breakdown'), '同意');
    expect(await phone.getByTestId('vote-for').count()).toBe(0);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'voting-phone-closed');
  });

  it('a vote closes by itself at its closing time, and the owner reads the frozen verdict and a notice', async () => {
    const secretary = await apiAs('demo-secretary');
    const estate = (await secretary.get<{ items: { id: string; name: string }[] }>('/api/estates')).items.find((e) => e.name === '龙潭苑')!;
    const closesAt = new Date(Date.now() + 40_000).toISOString();
    const m = await secretary.post<{ id: string }>(`/api/estates/${estate.id}/matters`, { kind: 'other_major', title: '夜间禁止外来车辆进入小区', closesAt });
    await secretary.post(`/api/vote-matters/${m.id}/open`);

    const phone = await browser.phone();
    await login(phone, 'demo-resident');
    await phone.goto(`/m/votes/${m.id}`);
    await expectText(phone.getByTestId('vote-time-left'), '距截止还有');
    await phone.getByTestId('vote-against').click();
    await phone.getByTestId('vote-confirm').click();
    await expectText(phone.getByTestId('my-ballot'), '反对');

    // The page looks again by itself once the time has come; the timer closes the vote within a minute.
    await expect.poll(() => phone.getByTestId('vote-result').count(), { timeout: 180_000, interval: 2_000 }).toBe(1);
    await expectText(phone.getByTestId('vote-verdict'), '参与表决不足');
    await expectText(phone.getByTestId('my-ballot'), '反对');
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'voting-phone-closed-by-time');

    const resident = await apiAs('demo-resident');
    const notices = await resident.get<{ items: { kind: string; link: string | null }[] }>('/api/notifications');
    expect(notices.items.filter((n) => n.kind === 'voting.closed').map((n) => n.link)).toContain(`/m/votes/${m.id}`);
  }, 240_000);
});
