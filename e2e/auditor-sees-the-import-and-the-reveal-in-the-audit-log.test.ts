/**
 * The street cadre of 岳阳街道 imports two residents of 醉白池 and looks at one's full numbers.
 * The auditor, searching the audit log, finds both by their Chinese names: who, in what role,
 * where, and what changed, field by field — at the office and on a phone.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectText, login, shot, UI_TIMEOUT, useBrowser } from './harness.ts';
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

async function search(page: Page, actor: string, action: string, label: string) {
  await page.getByTestId('audit-actor').fill(actor);
  await page.getByTestId('audit-action').fill(action);
  await page.getByTestId('audit-apply').click();
  const table = page.getByTestId('audit-table');
  // The list comes to hold the searched action only (the unfiltered list is replaced when the answer arrives).
  const actions = () => table.getByTestId('audit-action-label').allInnerTexts().then((a) => [...new Set(a)]);
  await expect.poll(actions, { timeout: UI_TIMEOUT }).toEqual([label]);
  return table.locator('tbody tr.ant-table-row').first();
}

/** The import's record, field by field: labelled keys, before empty, after the counts. */
async function expectImportDiff(page: Page) {
  const diff = page.locator('[data-testid^="audit-diff-table-"]').first();
  await expectText(diff, '修改后');
  const row = async (key: string) => (await diff.getByTestId(`audit-diff-row-${key}`).locator('td').allInnerTexts()).map((c) => c.trim());
  expect(await row('imported')).toEqual(['导入\nimported', '—', '2']);
  expect(await row('rows')).toEqual(['行数\nrows', '—', '2']);
  expect(await row('updated')).toEqual(['更新\nupdated', '—', '0']);
  expect(await row('kind')).toEqual(['类型\nkind', '—', 'people']);
}

describe('the auditor sees the import and the reveal in the audit log', () => {
  it('finds who imported how many people where, and whose numbers were looked at', async () => {
    const page = await browser.desktop();
    await login(page, 'demo-auditor');
    // The menu is read out by its Chinese names alone, not the icons' English ones ("audit 审计日志").
    await page.getByTestId('nav-audit').waitFor();
    expect(await page.getByTestId('side-menu').ariaSnapshot()).toContain('menuitem "审计日志"\n');

    const imported = await search(page, 'demo-street', 'person.import', '导入名册');
    const cells = await imported.locator('td').allInnerTexts();
    expect(cells).toEqual(expect.arrayContaining(['demo-street', '街镇干部', '导入名册', BUILDING]));
    expect(cells.join()).not.toContain('person.import');
    await imported.locator('.ant-table-row-expand-icon').click();
    await expectImportDiff(page);
    await shot(page, 'audit-import');

    const revealed = await search(page, 'demo-street', 'person.reveal', '查看完整证件号/手机号');
    const revealCells = await revealed.locator('td').allInnerTexts();
    expect(revealCells).toEqual(expect.arrayContaining(['demo-street', '街镇干部', '查看完整证件号/手机号', BUILDING, `人员 ${revealedId.slice(0, 8)}`]));
    await shot(page, 'audit-reveal');
  });

  it('reads the same record on a phone', async () => {
    const page = await browser.phone();
    await login(page, 'demo-auditor');
    const imported = await search(page, 'demo-street', 'person.import', '导入名册');
    await imported.locator('.ant-table-row-expand-icon').click();
    await expectImportDiff(page);
    const table = page.locator('[data-testid^="audit-diff-table-"]').first();
    const box = await table.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    await shot(page, 'audit-import-phone');
  });
});
