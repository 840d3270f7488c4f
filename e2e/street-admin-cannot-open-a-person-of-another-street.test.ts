/**
 * The cadre of 岳阳街道 sees the people of their own street, but a person of 永丰街道 stays closed
 * to them even with the record's address in hand: the page says it is outside their territory
 * and shows nothing of the person.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, textOf, useBrowser } from './harness.ts';

const browser = useBrowser();

interface PersonRow { id: string; name: string; territoryName: string; phone: string }

let outsider: PersonRow;
let neighbour: PersonRow;

beforeAll(async () => {
  const district = await apiAs('demo-district');
  const yongfeng = await district.get<{ items: { id: string }[] }>('/api/territories?code=310117002');
  outsider = (await district.get<{ items: PersonRow[] }>(`/api/people?territoryId=${yongfeng.items[0]!.id}&pageSize=1`)).items[0]!;
  const street = await apiAs('demo-street');
  neighbour = (await street.get<{ items: PersonRow[] }>('/api/people?pageSize=1')).items[0]!;
});

describe('a street admin cannot open a person of another street', () => {
  it('opens a person of 岳阳街道 but not one of 永丰街道', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-street');

    await page.goto(`/console/people/${neighbour.id}`);
    await expectExactText(page.getByTestId('person-name'), neighbour.name);

    await page.goto(`/console/people/${outsider.id}`);
    await expectText(page.getByTestId('error-state'), '管辖范围');
    await shot(page, 'street-admin-outsider');
    expect(await page.getByTestId('person-detail').count()).toBe(0);
    const body = await textOf(page.locator('body'));
    expect(body).not.toContain(outsider.territoryName);
    expect(body).not.toContain(outsider.phone);
  });

  it('does not find the person of 永丰街道 in the people list either', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-street');
    await page.getByTestId('nav-people').click();
    await page.waitForURL('**/console/people');
    const search = async (q: string) => {
      await page.getByTestId('people-search').locator('input').fill(q);
      await page.getByTestId('people-search').locator('input').press('Enter');
    };
    await search(neighbour.name);
    await page.getByTestId(`person-row-${neighbour.id}`).waitFor();
    await search(outsider.name);
    // The list keeps its rows until the new answer arrives: the neighbour leaving means it has.
    await page.getByTestId(`person-row-${neighbour.id}`).waitFor({ state: 'detached' });
    expect(await page.getByTestId(`person-row-${outsider.id}`).count()).toBe(0);
    expect(await textOf(page.getByTestId('people-table'))).not.toContain(outsider.territoryName);
  });
});
