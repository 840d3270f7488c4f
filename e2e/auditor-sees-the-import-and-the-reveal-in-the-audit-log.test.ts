/**
 * The street cadre of 岳阳街道 imports two residents of 醉白池 and looks at one's full numbers.
 * The auditor, searching the audit log, finds both: who, in what role, where, and what changed.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectText, login, shot, textOf, UI_TIMEOUT, useBrowser } from './harness.ts';
import { fillTemplate, newIdNumber, newPhone } from './roster.ts';

const browser = useBrowser();

const BUILDING = '醉白池小区1号楼';
let revealedId: string;

beforeAll(async () => {
  const street = await apiAs('demo-street');
  const residents = [
    { 姓名: '杨秀英', 身份证号: newIdNumber(), 手机号: newPhone(), 所属节点编码: '310117001002-G1', 楼栋: BUILDING, 房号: '701', 与户主关系: '户主' },
    { 姓名: '杨建军', 身份证号: newIdNumber(), 手机号: newPhone(), 所属节点编码: '310117001002-G1', 楼栋: BUILDING, 房号: '701', 与户主关系: '子女' },
  ];
  const file = await fillTemplate(await street.file('/api/people/import-template.xlsx?kind=people'), residents);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), '醉白池居民.xlsx');
  expect(await street.send('POST', '/api/people/import?kind=people', form)).toEqual({ status: 200, body: { imported: 2, updated: 0 } });
  const found = await street.get<{ items: { id: string }[] }>(`/api/people?q=${residents[0]!.身份证号}`);
  revealedId = found.items[0]!.id;
  await street.post(`/api/people/${revealedId}/reveal`);
});

async function search(page: Page, actor: string, action: string) {
  await page.getByTestId('audit-actor').fill(actor);
  await page.getByTestId('audit-action').fill(action);
  await page.getByTestId('audit-apply').click();
  const table = page.getByTestId('audit-table');
  // The list comes to hold the searched action only (the unfiltered list is replaced when the answer arrives).
  const actions = () => table.locator('tbody tr.ant-table-row .ant-tag').allInnerTexts().then((a) => [...new Set(a)]);
  await expect.poll(actions, { timeout: UI_TIMEOUT }).toEqual([action]);
  return table.locator('tbody tr.ant-table-row').first();
}

describe('the auditor sees the import and the reveal in the audit log', () => {
  it('finds who imported how many people where, and whose numbers were looked at', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-auditor');

    const imported = await search(page, 'demo-street', 'person.import');
    const cells = await imported.locator('td').allInnerTexts();
    expect(cells).toEqual(expect.arrayContaining(['demo-street', '街镇干部', 'person.import', BUILDING]));
    await imported.locator('.ant-table-row-expand-icon').click();
    const diff = page.locator('[data-testid^="audit-diff-"]').first();
    await expectText(diff, '修改后');
    const after = JSON.parse(await textOf(diff.locator('pre').nth(1)));
    expect(after).toMatchObject({ kind: 'people', rows: 2, imported: 2, updated: 0 });
    await shot(page, 'audit-import');

    const revealed = await search(page, 'demo-street', 'person.reveal');
    const revealCells = await revealed.locator('td').allInnerTexts();
    expect(revealCells).toEqual(expect.arrayContaining(['demo-street', '街镇干部', 'person.reveal', BUILDING, `person ${revealedId.slice(0, 8)}`]));
    await shot(page, 'audit-reveal');
  });
});
