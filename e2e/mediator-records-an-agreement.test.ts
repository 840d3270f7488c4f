/**
 * The grid worker of 龙潭社区 takes up a neighbours' dispute: adds a party picked from the people
 * roster, records a mediation session, writes the agreement, has each party sign it, and closes the
 * case after the follow-up visit — the parties shown masked throughout, on the desktop and on a
 * 375 px phone.
 */
import { describe, expect, it } from 'vitest';
import { apiAs, expectText, login, shot, UI_TIMEOUT, useBrowser } from './harness.ts';

const browser = useBrowser();

describe('a mediation case', () => {
  it('goes from a session to a signed agreement and a follow-up, parties masked', async () => {
    const api = await apiAs('demo-grid');
    const grid = (await api.get<{ grants: { role: string; territoryId: string }[] }>('/api/auth/session')).grants.find((g) => g.role === 'grid_worker')!;
    const created = await api.post<{ id: string; no: string }>('/api/mediation-cases', {
      territoryId: grid.territoryId, kind: 'neighbour', title: `空调外机滴水纠纷${Date.now()}`,
      parties: [{ side: 'applicant', name: '郑晓东', phone: '13612345678' }, { side: 'respondent', name: '冯雅琴', phone: '13787654321' }],
    });

    const page = await browser.desktop();
    await login(page, 'demo-grid');
    await page.goto('/console/mediation');
    await page.getByTestId(`mediation-${created.id}`).click();
    await expectText(page.getByTestId('mediation-no'), created.no);
    await expectText(page.getByTestId('mediation-parties'), '郑*东');
    await expectText(page.getByTestId('mediation-parties'), '136****5678');
    const body = await page.locator('body').innerText();
    for (const secret of ['郑晓东', '冯雅琴', '13612345678']) expect(body).not.toContain(secret);

    // The upstairs neighbour's husband joins as a respondent: found in the people roster by name, shown masked on the case.
    const [somebody] = (await api.get<{ items: { id: string; name: string; phone: string | null }[] }>('/api/people?pageSize=1')).items;
    expect(somebody, 'the grid has people on its roster').toBeDefined();
    await page.getByTestId('mediation-party').click();
    await page.getByTestId('mediation-party-person').click();
    await page.keyboard.type(somebody!.name.slice(0, 1));
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: somebody!.name }).first().click();
    await expectText(page.getByTestId('mediation-party-person'), somebody!.name);
    await page.getByTestId('mediation-step-submit').click();
    const name = somebody!.name;
    const masked = name.length <= 2 ? `${name[0]}*` : `${name[0]}${'*'.repeat(name.length - 2)}${name.at(-1)}`;
    await expect.poll(() => page.getByTestId('mediation-party-name-shown').allInnerTexts(), { timeout: UI_TIMEOUT }).toEqual(expect.arrayContaining(['郑*东', '冯*琴', masked]));
    expect(await page.getByTestId('mediation-parties').innerText()).not.toContain(name);
    if (somebody!.phone) await expectText(page.getByTestId('mediation-parties'), somebody!.phone);

    await page.getByTestId('mediation-session').click();
    await page.getByTestId('mediation-session-place').fill('居委会调解室');
    await page.getByTestId('mediation-session-notes').fill('双方到场陈述，查看空调外机位置。');
    await page.getByTestId('mediation-step-submit').click();
    await expectText(page.getByTestId('mediation-sessions'), '查看空调外机位置');
    await expectText(page.getByTestId('mediation-state'), '调解中');

    await page.getByTestId('mediation-agreement').click();
    await page.getByTestId('mediation-agreement-text').fill('冯雅琴一方于三日内加装冷凝水导管，不再滴落至楼下阳台。');
    await page.getByTestId('mediation-step-submit').click();
    await expectText(page.getByTestId('mediation-agreement-shown'), '加装冷凝水导管');

    const signs = page.locator('[data-testid^="mediation-sign-"]');
    await expect.poll(() => signs.count()).toBe(3);
    for (const left of [2, 1]) {
      await signs.first().click();
      await expect.poll(() => signs.count()).toBe(left);
    }
    await signs.first().click();
    await expectText(page.getByTestId('mediation-state'), '已达成协议');
    await shot(page, 'mediation-agreed');

    await page.getByTestId('mediation-followUp').click();
    await page.getByTestId('mediation-followup-note').fill('导管已加装，楼下确认不再滴水。');
    await page.getByTestId('mediation-step-submit').click();
    await expectText(page.getByTestId('mediation-state'), '已回访结案');
    await expectText(page.getByTestId('mediation-followup-shown'), '不再滴水');

    const phone = await browser.phone();
    await login(phone, 'demo-grid');
    await phone.goto(`/console/mediation/${created.id}`);
    await expectText(phone.getByTestId('mediation-agreement-shown'), '加装冷凝水导管');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(phone, 'mediation-phone');
  });
});
