/**
 * An owner of 龙潭苑 votes on renewing the property manager from a 375 px phone, confirms, and
 * keeps the receipt code; the community secretary watches the live tally count one more owner.
 */
import { describe, expect, it } from 'vitest';
import { apiAs, expectText, login, shot, textOf, useBrowser } from './harness.ts';

const browser = useBrowser();

describe('owners’ vote on a phone', () => {
  it('the resident votes and sees the receipt; the secretary sees the tally move', async () => {
    const estates = (await (await apiAs('demo-secretary')).get<{ items: { id: string; name: string }[] }>('/api/estates')).items;
    const estate = estates.find((e) => e.name === '龙潭苑')!;

    const desk = await browser.desktop();
    await login(desk, 'demo-secretary');
    await desk.goto(`/console/estates/${estate.id}`);
    await desk.getByTestId('matters-table').locator('.ant-table-row-expand-icon').first().click();
    const before = Number(await textOf(desk.getByTestId('vote-value-participation_owners')));
    await shot(desk, 'voting-tally-before');

    const phone = await browser.phone();
    await login(phone, 'demo-resident');
    await phone.getByTestId('m-home-votes-entry').click();
    await phone.waitForURL('**/m/votes');
    await phone.getByTestId('vote-for').first().click();
    await expectText(phone.getByTestId('vote-confirm-text'), '同意');
    await phone.getByTestId('vote-confirm').click();
    const receipt = await textOf(phone.getByTestId('my-receipt'));
    expect(receipt).toMatch(/^[A-Z2-7]{10}$/);
    await expectText(phone.getByTestId('my-ballot'), '同意');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await shot(phone, 'voting-phone-receipt');

    await phone.getByTestId('receipt-input').fill(receipt);
    await phone.getByTestId('receipt-check').click();
    await expectText(phone.getByTestId('receipt-answer'), '同意');

    await desk.getByTestId('tally-refresh').click();
    await expect.poll(async () => Number(await textOf(desk.getByTestId('vote-value-participation_owners'))), { timeout: 15_000 }).toBe(before + 1);
    await shot(desk, 'voting-tally-after');
  });
});
