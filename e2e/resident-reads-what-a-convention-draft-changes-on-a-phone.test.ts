/**
 * The 龙潭社区 secretary puts the next version of the community's convention out for comment. A
 * resident, on a 375 px phone, is told by an in-app notice, taps it, reads word by word what the
 * draft changes in the text in force, and leaves her comment — which the secretary then reads.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, expectText, login, shot, UI_TIMEOUT, useBrowser } from './harness.ts';

const browser = useBrowser();
const PHONE_WIDTH = 375;

/**
 * The convention's cards fit the phone: none reaches past its right edge or scrolls sideways inside.
 * (The page header's bell belongs to the portal shell and is checked by the portal's own journey.)
 */
async function expectCardsFit(page: Page) {
  const cards = await page.locator('.gz-m-card').evaluateAll((els) => els.map((e) => ({ right: Math.ceil(e.getBoundingClientRect().right), inner: e.scrollWidth - e.clientWidth })));
  expect(cards.length).toBeGreaterThan(0);
  for (const c of cards) {
    expect(c.right, `a card ends at ${c.right} px on a ${PHONE_WIDTH} px screen`).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(c.inner, 'a card scrolls sideways').toBeLessThanOrEqual(0);
  }
}

describe('a convention draft out for comment', () => {
  it('reaches the resident as a notice; on her phone she reads what changed and comments', async () => {
    const secretary = await apiAs('demo-secretary');
    const community = (await secretary.get<{ grants: { role: string; territoryId: string }[] }>('/api/auth/session')).grants.find((g) => g.role === 'community_secretary')!;
    const title = `龙潭社区居民公约${Date.now()}`;
    const created = await secretary.post<{ id: string; versions: { id: string }[] }>('/api/charters', {
      territoryId: community.territoryId, kind: 'convention', title, text: '第一条 爱护公共设施。\n第二条 邻里和睦，互帮互助。\n',
    });
    const [resolution] = (await secretary.get<{ items: { id: string }[] }>(`/api/charter-versions/${created.versions[0]!.id}/adoption-sources?by=resolution`)).items;
    await secretary.post(`/api/charter-versions/${created.versions[0]!.id}/adopt`, { resolutionId: resolution!.id });
    await secretary.post(`/api/charter-versions/${created.versions[0]!.id}/publish`);
    const next = await secretary.post<{ versions: { id: string; version: number }[] }>(`/api/charters/${created.id}/drafts`);
    const draftId = next.versions[0]!.id;
    await secretary.send('PATCH', `/api/charter-versions/${draftId}`, { text: '第一条 爱护公共绿地和设施。\n第二条 邻里和睦，互帮互助。\n第三条 文明养犬，出门牵绳。\n' });
    await secretary.post(`/api/charter-versions/${draftId}/comment-period`, { commentUntil: new Date(Date.now() + 7 * 86_400_000).toISOString() });

    // The notice is there for the resident, pointing at the convention.
    const resident = await apiAs('demo-resident');
    const notices = (await resident.get<{ items: { id: number | string; kind: string; link: string | null }[] }>('/api/notifications')).items;
    const notice = notices.find((n) => n.kind === 'charter.commenting' && n.link === `/m/charters/${created.id}`);
    expect(notice, 'the resident was told the convention is open for comment').toBeDefined();

    const phone = await browser.phone();
    await login(phone, 'demo-resident');
    await phone.goto('/m');
    await phone.getByTestId('notice-bell').click();
    await phone.getByTestId(`notice-${notice!.id}`).click();
    await phone.waitForURL(`**/m/charters/${created.id}`);
    await expectText(phone.getByTestId('m-charter-title'), title);

    // What changed, coloured, in the text's own lines.
    const added = phone.getByTestId('m-charter-changes').getByTestId('diff-added');
    await expect.poll(() => added.allTextContents(), { timeout: UI_TIMEOUT }).toEqual(['绿地和', '第三条 文明养犬，出门牵绳。']);
    expect(await added.first().evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await expectText(phone.getByTestId('m-charter-draft-text'), '第三条 文明养犬，出门牵绳。');
    await expectText(phone.getByTestId('m-charter-published'), '第一条 爱护公共设施。');
    await expectCardsFit(phone);
    await shot(phone, 'charter-portal-draft-changes');

    const comment = `建议第三条写明大型犬须戴嘴套（${Date.now()}）`;
    await phone.getByTestId('m-charter-comment').fill(comment);
    await phone.getByTestId('m-charter-send').click();
    await expectText(phone.getByTestId('m-charter-my-comments'), comment);
    await expectCardsFit(phone);

    const seen = (await secretary.get<{ items: { text: string; authorName: string }[] }>(`/api/charter-versions/${draftId}/comments`)).items;
    expect(seen.map((c) => c.text)).toContain(comment);
  });
});
