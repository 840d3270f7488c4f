/**
 * An owner of 龙潭苑 votes, then on another phone — not logged in — opens the matter's public
 * receipt check, enters the receipt code and reads that the ballot was counted in that matter of
 * that estate, without the choice; a code that is no ballot of the matter reads as not found. The
 * logged-in matter page links to that public page.
 */
import { describe, expect, it } from 'vitest';
import { apiAs, expectText, login, shot, useBrowser, expectNoSidewaysScroll } from './harness.ts';

const browser = useBrowser();

describe('owner checks a receipt without logging in', () => {
  it('a fresh phone checks the receipt on the public page: counted, with the matter and estate; a wrong code is not found', async () => {
    const secretary = await apiAs('demo-secretary');
    const estate = (await secretary.get<{ items: { id: string; name: string }[] }>('/api/estates')).items.find((e) => e.name === '龙潭苑')!;
    const title = '小区东门增设电动自行车充电棚';
    const matter = await secretary.post<{ id: string }>(`/api/estates/${estate.id}/matters`, { kind: 'other_major', title });
    await secretary.post(`/api/vote-matters/${matter.id}/open`);

    const resident = await apiAs('demo-resident');
    const ballot = await resident.post<{ receipt: string; choice: string }>(`/api/vote-matters/${matter.id}/ballot`, { choice: 'for' });
    expect(ballot.receipt).toMatch(/^[A-Z2-7]{10}$/);

    // The owner's own matter page offers the public address for another device.
    const owner = await browser.phone();
    await login(owner, 'demo-resident');
    await owner.goto(`/m/votes/${matter.id}`);
    const link = owner.getByTestId('receipt-public-link');
    await expectText(link, '在其他设备上核验');
    const href = await link.getAttribute('href');
    expect(href).toBe(`/votes/${matter.id}/check`);
    await expectNoSidewaysScroll(owner);
    await shot(owner, 'voting-public-check-link');

    // A phone that has never logged in.
    const phone = await browser.phone();
    await phone.goto(href!);
    await expectText(phone.getByTestId('public-receipt-page'), '核验表决回执');
    expect(new URL(phone.url()).pathname).toBe(href);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'voting-public-check-empty');

    // Lower case with a dash, as someone might copy it down.
    await phone.getByTestId('public-receipt-input').fill(`${ballot.receipt.slice(0, 5).toLowerCase()}-${ballot.receipt.slice(5).toLowerCase()}`);
    await phone.getByTestId('public-receipt-check').click();
    const answer = phone.getByTestId('public-receipt-answer');
    await expectText(answer, '这张选票已计入表决');
    expect(await answer.getAttribute('data-outcome')).toBe('counted');
    await expectText(phone.getByTestId('public-receipt-matter'), title);
    await expectText(phone.getByTestId('public-receipt-estate'), '龙潭苑');
    // The ballot is secret: a stranger's device learns nothing of the choice.
    expect(await answer.innerText()).not.toContain('同意');
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'voting-public-check-counted');

    const wrong = ballot.receipt.startsWith('A') ? 'BBBBBBBBBB' : 'AAAAAAAAAA';
    await phone.getByTestId('public-receipt-input').fill(wrong);
    await phone.getByTestId('public-receipt-check').click();
    await expectText(phone.getByTestId('public-receipt-answer'), '没有找到这个回执码');
    expect(await phone.getByTestId('public-receipt-answer').getAttribute('data-outcome')).toBe('unknown');
    expect(await phone.getByTestId('public-receipt-matter').count()).toBe(0);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'voting-public-check-unknown');

    // Still not logged in: the page asked for no session and left the visitor where they were.
    expect(new URL(phone.url()).pathname).toBe(href);
    expect(await phone.getByTestId('public-receipt-login').count()).toBe(1);

    const desk = await browser.desktop();
    await desk.goto(href!);
    await desk.getByTestId('public-receipt-input').fill(ballot.receipt);
    await desk.getByTestId('public-receipt-check').click();
    await expectText(desk.getByTestId('public-receipt-answer'), '这张选票已计入表决');
    await shot(desk, 'voting-public-check-desktop');
  });
});
