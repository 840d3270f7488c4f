/**
 * The community secretary moves a published activity to another room and enlarges it; the member
 * who signed up is told of the new place in the app. Later she calls it off; the member is told
 * again and the activity can no longer be edited. The page also works on a 375 px phone.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, useBrowser } from './harness.ts';

const browser = useBrowser();
const title = `志愿服务：楼道清理 ${randomInt(1e4)}`;
const newPlace = `龙潭社区党群服务站 ${randomInt(100, 999)} 室`;

interface Notice { kind: string; title: string; body: string; params: { activityId?: string } | null }
type Api = Awaited<ReturnType<typeof apiAs>>;
let member: Api;
let activityId: string;

const noticesFor = async (kind: string) =>
  (await member.get<{ items: Notice[] }>('/api/notifications?limit=200')).items.filter((n) => n.kind === kind && n.params?.activityId === activityId);
const input = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

beforeAll(async () => {
  const secretary = await apiAs('demo-secretary');
  member = await apiAs('demo-member');
  const [community] = (await secretary.get<{ items: { id: string }[] }>('/api/territories?code=310117001001')).items;
  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  activityId = (await secretary.post<{ id: string }>('/api/activities', {
    territoryId: community!.id, kind: 'volunteer', title, place: '龙潭苑 3 号楼', capacity: 5,
    startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
  })).id;
  await member.post(`/api/activities/${activityId}/signup`);
});

describe('a secretary edits and calls off an activity', () => {
  it('edits place and capacity, the member is told; calls it off, the member is told again', async () => {
    const desk = await browser.desktop();
    await login(desk, 'demo-secretary');
    await desk.goto(`/console/activities/${activityId}`);
    await expectExactText(desk.getByTestId('activity-title'), title);
    await expectExactText(desk.getByTestId('activity-seats'), '1/5');

    await desk.getByTestId('activity-edit').click();
    await expect.poll(() => input(desk, 'activity-edit-place').inputValue()).toBe('龙潭苑 3 号楼');
    await input(desk, 'activity-edit-place').fill(newPlace);
    await input(desk, 'activity-edit-capacity').fill('12');
    await shot(desk, 'activity-edit');
    await desk.getByTestId('activity-edit-submit').click();
    await expectExactText(desk.getByTestId('activity-place'), newPlace);
    await expectExactText(desk.getByTestId('activity-seats'), '1/12');

    const changed = await noticesFor('activity.changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.title).toContain(title);
    expect(changed[0]!.body).toContain(newPlace);

    await desk.getByTestId('activity-cancel').click();
    await desk.getByTestId('activity-cancel-confirm').click();
    await expectExactText(desk.getByTestId('activity-state'), '已取消');
    expect(await desk.getByTestId('activity-edit').count()).toBe(0);
    const cancelled = await noticesFor('activity.cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.title).toContain(title);
    await shot(desk, 'activity-cancelled');

    // The member's list no longer offers it.
    const mine = await member.get<{ items: { id: string }[] }>('/api/activities');
    expect(mine.items.map((a) => a.id)).not.toContain(activityId);
  });

  it('opens the edit dialog on a 375 px phone without sideways scrolling', async () => {
    const secretary = await apiAs('demo-secretary');
    const [community] = (await secretary.get<{ items: { id: string }[] }>('/api/territories?code=310117001001')).items;
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const id = (await secretary.post<{ id: string }>('/api/activities', {
      territoryId: community!.id, kind: 'volunteer', title: `${title}（二）`, capacity: 5,
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    })).id;
    const phone = await browser.phone();
    await login(phone, 'demo-secretary');
    await phone.goto(`/console/activities/${id}`);
    await phone.getByTestId('activity-edit').click();
    await input(phone, 'activity-edit-place').waitFor();
    const width = await phone.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
    expect(width).toBeLessThanOrEqual(375);
    await shot(phone, 'activity-edit-phone');
  });
});
