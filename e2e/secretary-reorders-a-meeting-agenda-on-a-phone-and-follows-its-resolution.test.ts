/**
 * The 龙潭社区 secretary, on a 375 px phone during a deliberation meeting, moves the second item
 * of the agenda to the top and reads the quorum the meeting was set up with. After the meeting
 * both items were adopted and one was drafted into a resolution: the meeting page links that item
 * to its resolution and offers to draft the other's.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, UI_TIMEOUT, useBrowser, expectNoSidewaysScroll } from './harness.ts';

const browser = useBrowser();
const tag = randomInt(1e5, 1e6);

interface Detail { items: { id: string; position: number; agendaItem: { id: string; title: string } }[]; participants: { id: string }[] }

/** The agenda items' titles in the order the page shows them. */
const shownOrder = (page: Page) => page.locator('[data-testid="meeting-items"] [data-agenda-item] .dl-row-title').allInnerTexts();

describe('a meeting agenda put in order on a phone, then followed to its resolution', () => {
  it('moves an item up, keeps the order on reload, and links the adopted item to its resolution', async () => {
    const secretary = await apiAs('demo-secretary');
    const community = (await secretary.get<{ grants: { role: string; territoryId: string }[] }>('/api/auth/session')).grants.find((g) => g.role === 'community_secretary')!;
    // Put forward by the residents' committee, so no resident's notices pile up from this journey.
    const bodies = (await secretary.get<{ items: { id: string; kind: string }[] }>(`/api/bodies?territoryId=${community.territoryId}&subtree=true`)).items;
    const committee = bodies.find((b) => b.kind === 'residents_committee') ?? bodies[0]!;
    const titles = [`楼道灯更换（${tag}）`, `垃圾箱房改造（${tag}）`];
    const items = [];
    for (const title of titles) {
      const item = await secretary.post<{ id: string }>('/api/agenda-items', { title, description: '请社区议一议。', territoryId: community.territoryId, proposerBodyId: committee.id });
      await secretary.post(`/api/agenda-items/${item.id}/accept`, {});
      items.push(item);
    }
    const meeting = await secretary.post<{ id: string }>('/api/meetings', {
      territoryId: community.territoryId, kind: 'deliberation', title: `龙潭社区议事会（${tag}）`, place: '党群服务站', startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await secretary.post(`/api/meetings/${meeting.id}/participants`, { name: '居民代表甲', capacity: 'resident_rep' });
    for (const item of items) await secretary.post(`/api/meetings/${meeting.id}/items`, { agendaItemId: item.id });
    await secretary.post(`/api/meetings/${meeting.id}/notice`, {});
    const started = await secretary.post<Detail>(`/api/meetings/${meeting.id}/start`, {});
    await secretary.post(`/api/meetings/${meeting.id}/sign-in`, { participantId: started.participants[0]!.id });
    const [first, second] = started.items;

    // 1. On the phone, during the meeting: the second item goes to the top.
    const phone = await browser.phone();
    await login(phone, 'demo-secretary');
    await phone.goto(`/console/meetings/${meeting.id}`);
    await expectExactText(phone.getByTestId('meeting-state'), '进行中');
    await expect.poll(() => shownOrder(phone), { timeout: UI_TIMEOUT }).toEqual(titles);
    await expect(phone.getByTestId('meeting-quorum-setting').getAttribute('data-setting')).resolves.toBe('');
    await expectText(phone.getByTestId('meeting-quorum-setting'), '表决成员过半数');
    expect(await phone.getByTestId(`meeting-item-up-${first!.id}`).isDisabled()).toBe(true);
    await phone.getByTestId(`meeting-item-up-${second!.id}`).click();
    await expect.poll(() => shownOrder(phone), { timeout: UI_TIMEOUT }).toEqual([titles[1], titles[0]]);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'meeting-agenda-reordered-phone');
    await phone.reload();
    await expect.poll(() => shownOrder(phone), { timeout: UI_TIMEOUT }).toEqual([titles[1], titles[0]]);
    const positions = (await secretary.get<Detail>(`/api/meetings/${meeting.id}`)).items.map((i) => [i.position, i.agendaItem.title]);
    expect(positions).toEqual([[1, titles[1]], [2, titles[0]]]);

    // 2. Both items adopted, the meeting closed, one of them drafted into a resolution.
    for (const item of [first!, second!]) {
      await secretary.post(`/api/meetings/${meeting.id}/items/${item.id}/decision`, { method: 'secret_ballot', for: 1, against: 0, abstain: 0 });
    }
    await secretary.post(`/api/meetings/${meeting.id}/close`, {});
    const resolution = await secretary.post<{ id: string; title: string }>('/api/resolutions', { meetingItemId: second!.id, title: titles[1], text: '同意改造垃圾箱房，物业负责实施。' });

    await phone.reload();
    await expectExactText(phone.getByTestId('meeting-state'), '已结束');
    await expectText(phone.getByTestId(`meeting-item-resolution-${second!.id}`), titles[1]!);
    await phone.getByTestId(`meeting-item-draft-${first!.id}`).waitFor();
    expect(await phone.getByTestId(`meeting-item-draft-${second!.id}`).count()).toBe(0);
    expect(await phone.getByTestId(`meeting-item-up-${first!.id}`).count(), 'a closed meeting\'s agenda stays as it was').toBe(0);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'meeting-closed-resolution-link-phone');
    await phone.getByTestId(`meeting-item-resolution-link-${second!.id}`).click();
    await phone.waitForURL(`**/console/resolutions/${resolution.id}`);
  });
});
