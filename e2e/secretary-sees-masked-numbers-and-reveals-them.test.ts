/**
 * ID and phone numbers are personal information: the people list shows them masked. The
 * secretary may ask for the full numbers of one person, and is told the look is audited; a grid
 * worker reads the same record masked and has no way to unmask it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, expectExactText, expectText, login, shot, textOf, useBrowser } from './harness.ts';
import { newIdNumber, newPhone } from './roster.ts';

const browser = useBrowser();

const person = { name: '韩素琴', idNumber: newIdNumber(), phone: newPhone() };
let personId: string;

beforeAll(async () => {
  const secretary = await apiAs('demo-secretary');
  const grid = await secretary.get<{ items: { id: string }[] }>('/api/territories?code=310117001001-G1');
  const created = await secretary.post<{ id: string }>('/api/people', {
    name: person.name, gender: 'female', idNumber: person.idNumber, phone: person.phone, territoryId: grid.items[0]!.id, room: '601',
  });
  personId = created.id;
});

/** Masked: keeps the ends a person recognises, hides the middle (birth date, subscriber number). */
function expectMasked(shown: string, full: string, keepStart: number) {
  expect(shown).not.toBe(full);
  expect(shown).toContain('*');
  expect(shown.startsWith(full.slice(0, keepStart))).toBe(true);
  expect(shown.endsWith(full.slice(-4))).toBe(true);
  expect(shown).not.toContain(full.slice(keepStart, -4));
}

async function findInPeopleList(page: Page) {
  await page.getByTestId('nav-people').click();
  await page.waitForURL('**/console/people');
  // Searching by the full ID number finds the person; the list still shows it masked.
  await page.getByTestId('people-search').locator('input').fill(person.idNumber);
  await page.getByTestId('people-search').locator('input').press('Enter');
  const row = page.getByTestId(`person-row-${personId}`);
  await expectText(row, person.name);
  const cells = await row.locator('td').allInnerTexts();
  const phone = cells.find((c) => c.endsWith(person.phone.slice(-4)) && c.includes('*'));
  const idNumber = cells.find((c) => c.endsWith(person.idNumber.slice(-4)) && c.includes('*'));
  expect(phone, `a masked phone in ${JSON.stringify(cells)}`).toBeDefined();
  expect(idNumber, `a masked ID number in ${JSON.stringify(cells)}`).toBeDefined();
  expectMasked(phone!, person.phone, 3);
  expectMasked(idNumber!, person.idNumber, 6);
  expect(await textOf(page.getByTestId('people-table'))).not.toContain(person.idNumber);
  return row;
}

describe('masked numbers in the people list; reveal for the secretary', () => {
  it('the secretary sees masked numbers, reveals the full ones and is told it is audited', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-secretary');
    const row = await findInPeopleList(page);
    await shot(page, 'people-masked');

    await row.click();
    await expectExactText(page.getByTestId('person-name'), person.name);
    expectMasked(await textOf(page.getByTestId('person-id-number')), person.idNumber, 6);
    expectMasked(await textOf(page.getByTestId('person-phone')), person.phone, 3);

    await page.getByTestId('reveal-button').click();
    await expectExactText(page.getByTestId('person-id-number'), person.idNumber);
    await expectExactText(page.getByTestId('person-phone'), person.phone);
    await expectExactText(page.getByTestId('reveal-notice'), '本次查看完整个人信息已记入审计日志。');
    expect(await page.getByTestId('reveal-button').count()).toBe(0);
    await shot(page, 'people-revealed');
  });

  it('the grid worker reads the same record masked, with no reveal', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-grid');
    const row = await findInPeopleList(page);
    await row.click();
    await expectExactText(page.getByTestId('person-name'), person.name);
    expectMasked(await textOf(page.getByTestId('person-id-number')), person.idNumber, 6);
    expect(await page.getByTestId('reveal-button').count()).toBe(0);
  });
});
