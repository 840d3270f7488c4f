/**
 * A party member who works outside the district registers with 龙潭社区 on their phone (双报到);
 * the community secretary confirms it at her desk; the member signs up for a theme party day,
 * checks in by opening the venue's QR address, checks out the same way, and sees the points and
 * their rank in the community on the phone.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, textOf, UI_TIMEOUT, useBrowser, expectNoSidewaysScroll } from './harness.ts';
import { newIdNumber, newPhone } from './roster.ts';

const browser = useBrowser();

const username = `e2e-member-${randomInt(1e6)}`;
const password = 'Dangyuan#2026';
const name = '钱思远';
const workplace = `上海申城轨道交通第${randomInt(1, 99)}党支部`;
const activityTitle = `主题党日：垃圾分类宣传 ${randomInt(1e4)}`;

let communityId: string;
let personId: string;
let activityId: string;
/** The district's current points for a confirmed registration and for a theme party day. */
let rulePoints: { registration: number; activity: number };

type Secretary = Awaited<ReturnType<typeof apiAs>>;
let secretary: Secretary;

beforeAll(async () => {
  secretary = await apiAs('demo-secretary');
  const [grid] = (await secretary.get<{ items: { id: string }[] }>('/api/territories?code=310117001001-G1')).items;
  const [community] = (await secretary.get<{ items: { id: string }[] }>('/api/territories?code=310117001001')).items;
  communityId = community!.id;
  personId = (await secretary.post<{ id: string }>('/api/people', {
    name, gender: 'male', idNumber: newIdNumber(), phone: newPhone(), territoryId: grid!.id, room: '402', isPartyMember: true,
  })).id;

  // The security administrator opens the member's account; its one-time password is replaced at once.
  const secadmin = await apiAs('demo-secadmin');
  const created = await secadmin.post<{ account: { id: string }; initialPassword: string }>('/api/accounts', { username, displayName: name, personId });
  await secadmin.post('/api/grants', { accountId: created.account.id, role: 'party_member', territoryId: communityId });
  const first = await apiAs(username, created.initialPassword);
  await first.post('/api/auth/password', { currentPassword: created.initialPassword, newPassword: password });

  const startsAt = new Date(Date.now() - 5 * 60_000);
  const endsAt = new Date(Date.now() + 2 * 3600_000);
  activityId = (await secretary.post<{ id: string }>('/api/activities', {
    territoryId: communityId, kind: 'theme_party_day', title: activityTitle, place: '龙潭社区党群服务站',
    startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: 30,
  })).id;

  const rules = await secretary.get<{ current: { code: string; points: number }[] }>('/api/points/rules');
  const points = (code: string) => rules.current.find((r) => r.code === code)!.points;
  rulePoints = { registration: points('registration'), activity: points('activity') };
});

/** The outcome the check-in page shows once it has one. */
async function expectCheckinState(page: Page, state: string) {
  const result = page.getByTestId('checkin-result');
  await expect
    .poll(() => result.getAttribute('data-state', { timeout: 1_000 }).catch(() => null), { timeout: UI_TIMEOUT, interval: 200 })
    .toBe(state);
}

/** The check-in address the venue screen shows right now, as the secretary's QR code holds it. */
async function venueUrl(): Promise<string> {
  const qr = await secretary.get<{ url: string }>(`/api/activities/${activityId}/qr`);
  expect(qr.url).toMatch(new RegExp(`^/m/checkin\\?activity=${activityId}&code=`));
  return qr.url;
}

describe('a party member registers, serves and earns points', () => {
  it('register → secretary confirms → sign up → QR check-in and check-out → points and rank on the phone', async () => {
    // 1. The member registers with the community where they live, naming an employer outside the district.
    const phone = await browser.phone();
    await login(phone, username, password);
    expect(new URL(phone.url()).pathname).toBe('/m');
    await expectText(phone.getByTestId('m-home-registration'), '未报到');
    await phone.getByTestId('m-home-registration').click();
    await phone.waitForURL('**/m/registration');
    await expectText(phone.getByTestId('reg-community-select'), '龙潭社区居委会');
    await phone.getByTestId('reg-source-outside').click();
    await phone.getByTestId('reg-workplace-name').fill(workplace);
    await phone.getByTestId('reg-submit').click();
    await expectExactText(phone.getByTestId('reg-state'), '待确认');
    await expectText(phone.getByTestId('reg-current'), workplace);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'members-registration-pending');

    // 2. The secretary finds it among the pending registrations and confirms it.
    const member = await apiAs(username, password);
    const registrationId = (await member.get<{ current: { id: string } }>('/api/registrations/mine')).current.id;
    const desk = await browser.desktop();
    await login(desk, 'demo-secretary');
    await desk.getByTestId('nav-registrations').click();
    await desk.waitForURL('**/console/registrations');
    const row = desk.getByTestId(`reg-row-${registrationId}`);
    await expectText(row, name);
    await expectText(row, workplace);
    await desk.getByTestId(`reg-confirm-${registrationId}`).click();
    await desk.getByTestId('reg-confirm-confirm').click();
    await row.waitFor({ state: 'detached' });
    await desk.getByTestId('regs-state-confirmed').click();
    await expectText(desk.getByTestId(`reg-row-${registrationId}`), '已报到');
    await shot(desk, 'members-registration-confirmed');

    // The member sees the confirmation.
    await phone.reload();
    await expectExactText(phone.getByTestId('reg-state'), '已报到');

    // 3. The member signs up for the theme party day from the 服务 tab.
    await phone.getByTestId('portal-tab-services').click();
    await phone.waitForURL('**/m/services');
    const card = phone.getByTestId(`m-activity-${activityId}`);
    await expectText(card, activityTitle);
    await phone.getByTestId(`m-activity-signup-${activityId}`).click();
    await expectExactText(phone.getByTestId(`m-signup-state-${activityId}`), '已报名');
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'members-signed-up');

    // 4. At the venue the phone camera opens the QR code's address: the member is checked in.
    await phone.goto(await venueUrl());
    await expectCheckinState(phone, 'checked-in');
    await expectExactText(phone.getByTestId('checkin-title'), '签到成功');
    await expectText(phone.getByTestId('checkin-detail'), activityTitle);
    await shot(phone, 'members-checked-in');

    // The organiser's list shows the member checked in.
    await desk.goto(`/console/activities/${activityId}`);
    await expectText(desk.getByTestId(`signup-row-${personId}`), '已签到');

    // 5. Scanning again checks out; so soon after checking in, the page asks first.
    await phone.goto(await venueUrl());
    await expectCheckinState(phone, 'ask-checkout');
    await phone.getByTestId('checkin-confirm-checkout').click();
    await expectCheckinState(phone, 'checked-out');
    await expectExactText(phone.getByTestId('checkin-title'), '签退成功');
    await expectText(phone.getByTestId('checkin-points'), `获得 ${rulePoints.activity} 积分`);
    await shot(phone, 'members-checked-out');

    // 6. My points: the registration and the activity, and my rank in the community.
    await phone.getByTestId('checkin-to-points').click();
    await phone.waitForURL('**/m/points');
    const total = rulePoints.registration + rulePoints.activity;
    await expectExactText(phone.getByTestId('m-points-value'), String(total));
    const history = phone.getByTestId('m-points-history');
    await expectText(history, '双报到');
    await expectText(history, '参加活动');

    const year = String(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
    const ranking = await member.get<{ items: { personId: string; rank: number; points: number }[] }>(
      `/api/points/rankings?territoryId=${communityId}&period=${year}&pageSize=100`,
    );
    const mine = ranking.items.find((r) => r.personId === personId);
    expect(mine?.points).toBe(total);
    expect(mine!.rank).toBe(1 + ranking.items.filter((r) => r.points > total).length);
    await expectExactText(phone.getByTestId('m-rank-community-value'), String(mine!.rank));
    expect(await textOf(phone.getByTestId('m-rank-street-value'))).toMatch(/^\d+$/);
    expect(await textOf(phone.getByTestId('m-rank-district-value'))).toMatch(/^\d+$/);
    await expectText(phone.getByTestId('m-leaderboard'), '龙潭社区居委会');
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'members-points');
  });
});
