/**
 * The secretary of 龙潭社区 downloads the roster template, fills in three residents — one with a
 * mistyped ID number — and uploads it. The page names the row, the column and the problem,
 * nothing is imported, and the error report downloads. Fixed, the same file imports.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, textOf, useBrowser } from './harness.ts';
import { fillTemplate, newIdNumber, newPhone, readFirstSheet, withWrongCheckDigit } from './roster.ts';

const browser = useBrowser();

const BAD_ID_MESSAGE = '身份证号不正确（18 位，最后一位校验码须符合 GB 11643）。';

async function download(page: Page, testId: string): Promise<{ file: Download; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { file, content: await readFile((await file.path())!) };
}

async function upload(page: Page, name: string, content: Buffer) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-upload').click()]);
  await chooser.setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: content });
}

describe('a secretary imports a roster with one bad row and reads the report', () => {
  it('sees row, column and message, nothing is imported, the report downloads; the fixed file imports', async () => {
    const residents = [
      { 姓名: '钱晓梅', 身份证号: newIdNumber(), 手机号: newPhone(), 所属节点编码: '310117001001-G1', 楼栋: '龙潭苑2号楼', 房号: '501', 与户主关系: '户主' },
      { 姓名: '孙立群', 身份证号: newIdNumber(), 手机号: newPhone(), 所属节点编码: '310117001001-G1', 楼栋: '龙潭苑2号楼', 房号: '501', 与户主关系: '配偶' },
      { 姓名: '周文斌', 身份证号: newIdNumber(), 手机号: newPhone(), 所属节点编码: '310117001001-G1', 楼栋: '龙潭苑2号楼', 房号: '502', 与户主关系: '户主' },
    ];
    const mistyped = residents.map((r, i) => (i === 2 ? { ...r, 身份证号: withWrongCheckDigit(r.身份证号) } : r));

    const page = await browser.desktop();
    await login(page, 'demo-secretary');
    await page.getByTestId('nav-import').click();
    await page.waitForURL('**/console/import');
    await expectExactText(page.locator('h1.gz-page-title'), '名册导入');

    const template = await download(page, 'import-template');
    expect(template.file.suggestedFilename()).toMatch(/\.xlsx$/);
    await upload(page, '龙潭社区居民名册.xlsx', await fillTemplate(template.content, mistyped));

    // Row 4 of the sheet (header is row 1) is the third resident.
    const errors = page.getByTestId('import-errors');
    await expectText(errors, '文件中有 1 处错误，未导入任何数据。');
    const row = errors.locator('tbody tr', { hasText: BAD_ID_MESSAGE });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toEqual(['4', '身份证号', BAD_ID_MESSAGE]);
    await shot(page, 'import-errors');

    const secretary = await apiAs('demo-secretary');
    for (const r of residents) {
      const found = await secretary.get<{ total: number }>(`/api/people?q=${r.身份证号}`);
      expect(found.total, `${r.姓名} must not have been imported`).toBe(0);
    }

    const report = await download(page, 'import-report');
    expect(report.file.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readFirstSheet(report.content);
    expect(sheet.slice(1)).toEqual([['4', '身份证号', BAD_ID_MESSAGE]]);

    await upload(page, '龙潭社区居民名册-已改.xlsx', await fillTemplate(template.content, residents));
    await expectText(page.getByTestId('import-success'), '导入完成：新增 3 人，更新 0 人');
    await expect.poll(() => errors.count()).toBe(0);
    for (const r of residents) {
      const found = await secretary.get<{ items: { name: string; territoryName: string; room: string | null }[] }>(`/api/people?q=${r.身份证号}`);
      expect(found.items).toEqual([expect.objectContaining({ name: r.姓名, territoryName: '龙潭苑2号楼', room: r.房号 })]);
    }
    await shot(page, 'import-success');
  });
});
