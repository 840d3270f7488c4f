/**
 * The 龙潭社区 secretary drafts the next version of a convention from the one in force, records its
 * adoption by a resolution of the community (picked from a searchable list), publishes it — the old version is superseded — and
 * reads what changed, coloured, on the desktop and on a 375 px phone.
 */
import { describe, expect, it } from 'vitest';
import { apiAs, expectText, login, shot, UI_TIMEOUT, useBrowser } from './harness.ts';

const browser = useBrowser();

describe('a convention’s next version', () => {
  it('is drafted, adopted by a resolution, published over the old one, and its changes shown', async () => {
    const api = await apiAs('demo-secretary');
    const community = (await api.get<{ grants: { role: string; territoryId: string }[] }>('/api/auth/session')).grants.find((g) => g.role === 'community_secretary')!;
    const title = `楼组文明公约${Date.now()}`;
    const created = await api.post<{ id: string; versions: { id: string }[] }>('/api/charters', {
      territoryId: community.territoryId, kind: 'convention', title, text: '第一条 爱护公共设施。\n第二条 邻里和睦。\n',
    });
    const resolutions = (await api.get<{ items: { id: string; title: string }[] }>(`/api/charter-versions/${created.versions[0]!.id}/adoption-sources?by=resolution`)).items;
    expect(resolutions.length, 'the demo community has published resolutions').toBeGreaterThan(0);
    await api.post(`/api/charter-versions/${created.versions[0]!.id}/adopt`, { resolutionId: resolutions[0]!.id });
    await api.post(`/api/charter-versions/${created.versions[0]!.id}/publish`);

    const page = await browser.desktop();
    await login(page, 'demo-secretary');
    await page.goto('/console/charters');
    await page.getByTestId(`charter-${created.id}`).click();
    await expectText(page.getByTestId('charter-page-title'), title);
    await page.getByTestId('charter-next-draft').click();
    await expectText(page.getByTestId('charter-version-2-state'), '草稿');
    await page.getByTestId('charter-edit').click();
    await page.getByTestId('charter-editor').fill('第一条 爱护公共绿地和设施。\n第二条 邻里和睦。\n第三条 文明养犬。\n');
    await page.getByTestId('charter-save').click();
    await expectText(page.getByTestId('charter-version-2-text'), '文明养犬');

    // The resolution is picked from the community's published ones, searched by its title.
    await page.getByTestId('charter-adopt').click();
    await page.getByTestId('charter-adopt-submit').click();
    await expectText(page.locator('.ant-form-item-explain-error'), '必填');
    const typed = resolutions[0]!.title.slice(0, 6);
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await page.getByTestId('charter-adopt-source').click();
    await page.keyboard.type(typed);
    // The list narrows to what the server found for the typed words.
    await expect.poll(async () => { const all = await options.allInnerTexts(); return all.length > 0 && all.every((o) => o.includes(typed)); }, { timeout: UI_TIMEOUT }).toBe(true);
    await options.filter({ hasText: resolutions[0]!.title }).first().click();
    await expect.poll(() => options.count(), { timeout: UI_TIMEOUT }).toBe(0);
    await page.getByTestId('charter-adopt-submit').click();
    await expectText(page.getByTestId('charter-version-2-state'), '已通过');
    await page.getByTestId('charter-publish').click();
    await page.getByTestId('charter-publish-confirm').click();
    await expectText(page.getByTestId('charter-version-2-state'), '现行');
    await expectText(page.getByTestId('charter-version-1-state'), '已废止');

    const added = page.getByTestId('charter-diff').getByTestId('diff-added');
    await expect.poll(() => added.allTextContents()).toEqual(['绿地和', '第三条 文明养犬。']);
    expect(await added.first().evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await shot(page, 'charter-published-diff');

    const phone = await browser.phone();
    await login(phone, 'demo-secretary');
    await phone.goto(`/console/charters/${created.id}`);
    await expectText(phone.getByTestId('charter-diff'), '文明养犬');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(phone, 'charter-diff-phone');
  });
});
