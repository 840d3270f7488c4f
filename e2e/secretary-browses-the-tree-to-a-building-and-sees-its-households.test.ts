/**
 * The secretary of 龙潭社区 opens the tree, goes down to a grid and then to a building, and sees
 * who lives in each room — on the office screen and, through the tree drawer, on a phone.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, textOf, useBrowser } from './harness.ts';

const browser = useBrowser();

interface Node { id: string; name: string }
interface Household { id: string; room: string; members: { id: string; name: string }[] }

let community: Node;
let grid: Node;
let building: Node;
let households: Household[];

beforeAll(async () => {
  const api = await apiAs('demo-secretary');
  const session = await api.get<{ grants: { territoryId: string; territoryName: string }[] }>('/api/auth/session');
  community = { id: session.grants[0]!.territoryId, name: session.grants[0]!.territoryName };
  const grids = await api.get<{ items: Node[] }>(`/api/territories/${community.id}/children`);
  grid = grids.items.find((n) => n.name === '龙潭第1网格')!;
  const buildings = await api.get<{ items: Node[] }>(`/api/territories/${grid.id}/children`);
  building = buildings.items.find((n) => n.name === '龙潭苑1号楼')!;
  households = (await api.get<{ items: Household[] }>(`/api/households?territoryId=${building.id}`)).items;
  expect(households.length).toBeGreaterThan(0);
});

/** Opens a node's branch with the tree's expander, as a person clicks the small triangle. */
async function expand(page: Page, node: Node) {
  await page.locator('.ant-tree-treenode', { has: page.getByTestId(`tree-node-${node.id}`) }).locator('.ant-tree-switcher').click();
}

async function pick(page: Page, node: Node) {
  await page.getByTestId(`tree-node-${node.id}`).click();
  await page.waitForURL(`**/console/territory/${node.id}`);
  await expectExactText(page.getByTestId('territory-name'), node.name);
}

async function seeHouseholds(page: Page) {
  await expectText(page.getByTestId('territory-breadcrumb'), building.name);
  const crumbs = (await textOf(page.getByTestId('territory-breadcrumb'))).split(/\s*\/\s*/);
  expect(crumbs).toEqual([community.name, grid.name, building.name]);
  await page.getByTestId('tab-households').click();
  const table = page.getByTestId('households-table');
  for (const h of households) {
    const row = table.locator('tr', { hasText: new RegExp(`^\\s*${h.room}\\b`) });
    for (const m of h.members) await expectText(row, m.name);
  }
  // A member's button opens their record, masked.
  const someone = households[0]!.members[0]!;
  await page.getByTestId(`household-member-${someone.id}`).click();
  await expectExactText(page.getByTestId('person-name'), someone.name);
  expect(await textOf(page.getByTestId('person-id-number'))).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
}

describe('a secretary browses the tree to a building and sees its households', () => {
  it('on the office screen: 龙潭社区 → 龙潭第1网格 → 龙潭苑1号楼', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-secretary');
    await expand(page, community);
    await pick(page, grid);
    await expand(page, grid);
    await pick(page, building);
    await seeHouseholds(page);
    await shot(page, 'households-desktop');
  });

  it('on a phone, through the tree drawer', async () => {
    const page = await browser.phone();
    await login(page, 'demo-secretary');
    await page.getByTestId('tree-open').click();
    await expand(page, community);
    await pick(page, grid);
    await page.getByTestId('tree-open').click();
    await expand(page, grid);
    await pick(page, building);
    await shot(page, 'households-phone-node');
    await seeHouseholds(page);
    await shot(page, 'households-phone');
  });
});
