/**
 * A resident of 龙潭社区 asks for a lift-renewal discussion. The secretary accepts the item at her
 * desk, convenes a four-in-one joint meeting, seats the four bodies' representatives (the page shows
 * which body is still missing), seats the resident as a residents' representative, puts the item on
 * the agenda and issues the notice. On the day she starts the meeting and shows the venue code; the
 * resident scans it on her phone, the secretary signs the four bodies in as clerk, the quorum bar
 * fills, she minutes what the owners' committee said and records a show of hands by name; she closes the
 * meeting, drafts the resolution and publishes it. The resident, on a 375 px phone, reads the
 * published resolution with its vote, and the printed minutes carry the speaker and the outcome.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, UI_TIMEOUT, useBrowser, chooseOption, expectNoSidewaysScroll } from './harness.ts';

const browser = useBrowser();

const tag = randomInt(1e5, 1e6);
const itemTitle = `龙潭苑3号楼加装电梯方案（${tag}）`;
const meetingTitle = `龙潭社区“四位一体”联席会议（${tag}）`;
const opinion = `业委会同意按户分摊，低楼层住户减半（${tag}）`;
const resolutionText = `经联席会议表决，同意龙潭苑3号楼加装电梯方案，由物业公司牵头施工（${tag}）。`;

type Capacity = 'party_org' | 'residents_committee' | 'owners_committee' | 'property_company';
interface Suggested { personId: string; name: string; capacity: string; bodyName: string }

let itemId = '';
let residentPersonId = '';

beforeAll(async () => {
  // The resident's own proposal, as the portal sends it (the portal form has its own journey).
  const resident = await apiAs('demo-resident');
  const item = await resident.post<{ id: string; state: string }>('/api/agenda-items', { title: itemTitle, description: '老人上下楼困难，希望社区议一议加装电梯。' });
  expect(item.state).toBe('proposed');
  itemId = item.id;
  residentPersonId = (await resident.get<{ account: { personId: string } }>('/api/auth/session')).account.personId;
});

/** A time in Shanghai as a datetime-local input takes it. */
function localInput(at: Date): string {
  return at.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16).replace(' ', 'T');
}

/** Sends a dialog and waits for it to close; a refusal fails with the server's words as the page shows them. */
async function submitDialog(page: Page, submitTestId: string) {
  await page.getByTestId(submitTestId).click();
  const refusal = page.getByTestId('error-notice');
  await expect.poll(async () => {
    if (await refusal.isVisible()) return `refused: ${await refusal.innerText()}`;
    return (await page.getByTestId(submitTestId).count()) === 0 ? 'closed' : 'open';
  }, { timeout: UI_TIMEOUT }).toBe('closed');
}

/** Seats one representative of each given body through the suggestion dialog. */
async function seat(page: Page, people: Suggested[]) {
  await page.getByTestId('participants-suggest').click();
  for (const p of people) await page.getByTestId(`participants-suggest-${p.personId}`).click();
  await submitDialog(page, 'participants-suggest-submit');
  for (const p of people) await expectText(page.getByTestId('meeting-participants'), p.name);
}

describe('a four-in-one joint meeting from notice to published resolution', () => {
  it('accept → convene → seat the four bodies → notice → QR and clerk sign-in → minutes → show of hands → close → resolution published → the resident reads it', async () => {
    // 1. The secretary accepts the resident's item: only accepted items can reach a meeting.
    const desk = await browser.desktop();
    await login(desk, 'demo-secretary');
    await desk.goto('/console/agenda');
    const row = desk.getByTestId(`agenda-item-${itemId}`);
    await expectText(row, itemTitle);
    await expectText(desk.getByTestId(`agenda-source-${itemId}`), '居民提议');
    await desk.getByTestId(`agenda-accept-${itemId}`).click();
    await desk.getByTestId('agenda-tab-accepted').click();
    await expectExactText(desk.getByTestId(`agenda-state-${itemId}`), '已受理');
    await shot(desk, 'deliberation-agenda');

    // 2. She convenes a four-in-one joint meeting for tomorrow afternoon.
    await desk.goto('/console/meetings');
    await desk.getByTestId('meeting-new').click();
    await desk.getByTestId('meeting-new-title').fill(meetingTitle);
    await desk.getByTestId('meeting-new-starts').fill(localInput(new Date(Date.now() + 26 * 3_600_000)));
    await desk.getByTestId('meeting-new-place').fill('龙潭社区党群服务站二楼会议室');
    await desk.getByTestId('meeting-new-submit').click();
    await desk.waitForURL(/\/console\/meetings\/[0-9a-f-]{36}$/);
    const meetingId = new URL(desk.url()).pathname.split('/').pop()!;
    await expectExactText(desk.getByTestId('meeting-title'), meetingTitle);
    await expectExactText(desk.getByTestId('meeting-state'), '筹备中');

    // 3. The four bodies: all missing at first; three seated, the property company still shows missing.
    await expect.poll(() => desk.getByTestId('meeting-four-bodies').getAttribute('data-missing'), { timeout: UI_TIMEOUT })
      .toBe('party_org,residents_committee,owners_committee,property_company');
    const secretary = await apiAs('demo-secretary');
    const { items: suggested } = await secretary.get<{ items: Suggested[] }>(`/api/meetings/${meetingId}/suggested-participants`);
    const first = (c: Capacity) => suggested.find((s) => s.capacity === c)!;
    const [party, residents, owners, property] = (['party_org', 'residents_committee', 'owners_committee', 'property_company'] as const).map(first);
    expect([party, residents, owners, property].every(Boolean), 'the demo community has all four bodies with members').toBe(true);
    await seat(desk, [party!, residents!, owners!]);
    await expect.poll(() => desk.getByTestId('meeting-four-bodies').getAttribute('data-missing'), { timeout: UI_TIMEOUT }).toBe('property_company');
    await expect(desk.getByTestId('meeting-body-property_company').getAttribute('data-present')).resolves.toBe('false');
    await expectText(desk.getByTestId('meeting-bodies-missing'), '物业公司');
    await seat(desk, [property!]);
    await expect.poll(() => desk.getByTestId('meeting-four-bodies').getAttribute('data-missing'), { timeout: UI_TIMEOUT }).toBe('');
    await desk.getByTestId('meeting-bodies-missing').waitFor({ state: 'detached' });
    // The resident who raised the item sits as a residents' representative.
    await secretary.post(`/api/meetings/${meetingId}/participants`, { personId: residentPersonId, capacity: 'resident_rep' });

    // 4. The accepted item goes on the agenda; the notice goes out with it.
    await desk.getByTestId('meeting-schedule-pick').click();
    await chooseOption(desk, itemTitle);
    await desk.getByTestId('meeting-schedule-add').click();
    const agenda = desk.getByTestId('meeting-items');
    await expectText(agenda, itemTitle);
    const meetingItemId = (await agenda.locator(`[data-agenda-item="${itemId}"]`).getAttribute('data-testid'))!.replace('meeting-item-', '');
    await desk.getByTestId('meeting-notice').click();
    await submitDialog(desk, 'meeting-notice-dialog-submit');
    await expectExactText(desk.getByTestId('meeting-state'), '已通知');
    await expectText(desk.getByTestId('meeting-notice-text'), itemTitle);
    await shot(desk, 'deliberation-meeting-noticed');

    // 5. On the day: start; the venue shows its rotating code, the resident scans it, the clerk signs the four bodies in.
    await desk.getByTestId('meeting-start').click();
    await expectExactText(desk.getByTestId('meeting-state'), '进行中');
    await expectText(desk.getByTestId('meeting-quorum-text'), '已签到 0 / 表决成员 5 人，需 3 人');
    await expectExactText(desk.getByTestId('meeting-quorum-met'), '未达法定人数');
    expect(await desk.getByTestId(`meeting-item-decide-${meetingItemId}`).isDisabled()).toBe(true);
    const venue = await browser.desktop();
    await login(venue, 'demo-secretary');
    await venue.goto(`/meeting-venue/${meetingId}`);
    await expectExactText(venue.getByTestId('venue-title'), meetingTitle);
    await expect.poll(() => venue.getByTestId('venue-qr').getAttribute('data-url'), { timeout: UI_TIMEOUT }).toContain(`/m/meeting-checkin?meeting=${meetingId}&code=`);
    const venueUrl = new URL((await venue.getByTestId('venue-qr').getAttribute('data-url'))!);
    await shot(venue, 'deliberation-venue');
    const phone = await browser.phone();
    await login(phone, 'demo-resident');
    await phone.goto(venueUrl.pathname + venueUrl.search);
    await expect.poll(() => phone.getByTestId('m-checkin-result').getAttribute('data-state'), { timeout: UI_TIMEOUT }).toBe('signed-in');
    await expectText(phone.getByTestId('m-checkin-detail'), meetingTitle);
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'deliberation-portal-checkin');

    const participants = (await secretary.get<{ participants: { id: string; name: string; personId: string; signedInAt: string | null; signInMethod: string | null }[] }>(`/api/meetings/${meetingId}`)).participants;
    const residentSeat = participants.find((p) => p.personId === residentPersonId)!;
    expect(residentSeat.signInMethod).toBe('qr');
    for (const p of participants.filter((x) => x !== residentSeat)) {
      await desk.getByTestId(`participant-sign-in-${p.id}`).click();
      await expectText(desk.getByTestId(`participant-signed-${p.id}`), '代签');
    }
    await expectText(desk.getByTestId('meeting-quorum-text'), '已签到 5 / 表决成员 5 人，需 3 人');
    await expectText(desk.getByTestId(`participant-signed-${residentSeat.id}`), '扫码签到');
    await expectExactText(desk.getByTestId('meeting-quorum-met'), '已达法定人数');

    // 6. Minutes as people speak: pick the speaker, type, Enter.
    const form = `minutes-form-${meetingItemId}`;
    await desk.getByTestId(`${form}-speaker`).fill(owners!.name);
    await desk.getByTestId(`${form}-opinion`).fill(opinion);
    await desk.getByTestId(`${form}-opinion`).press('Enter');
    await expectText(desk.getByTestId(`meeting-item-minutes-${meetingItemId}`), `${owners!.name}：${opinion}`);
    expect(await desk.getByTestId(`${form}-opinion`).inputValue()).toBe('');

    // 7. A show of hands recorded by name: four for, the property company abstains.
    await desk.getByTestId(`meeting-item-decide-${meetingItemId}`).click();
    await desk.getByTestId('decision-all-for').click();
    const propertySeat = participants.find((p) => p.name === property!.name)!;
    await desk.getByTestId(`decision-vote-${propertySeat.id}-abstain`).click();
    await expectText(desk.getByTestId('decision-preview'), '赞成 4，反对 0，弃权 1');
    await expect(desk.getByTestId('decision-preview').getAttribute('data-outcome')).resolves.toBe('adopted');
    await shot(desk, 'deliberation-decision');
    await submitDialog(desk, 'decision-submit');
    await expectExactText(desk.getByTestId(`meeting-item-outcome-${meetingItemId}`), '通过');
    await expectText(desk.getByTestId(`meeting-item-decision-${meetingItemId}`), `${property!.name}（弃权）`);

    // 8. Close with a summary.
    await desk.getByTestId('meeting-close').click();
    await desk.getByTestId('meeting-close-dialog-text').fill('会议一致推进加装电梯。');
    await submitDialog(desk, 'meeting-close-dialog-submit');
    await expectExactText(desk.getByTestId('meeting-state'), '已结束');
    await shot(desk, 'deliberation-meeting-closed');

    // 9. The printed minutes carry who came, what was said and how it was decided.
    const print = await browser.desktop();
    await login(print, 'demo-secretary');
    await print.goto(`/print/meetings/${meetingId}/minutes`);
    const sheet = print.getByTestId('minutes-print');
    await expectText(sheet, meetingTitle);
    await expectText(sheet, opinion);
    await expectText(sheet, '举手表决，赞成 4，反对 0，弃权 1');
    await expectText(print.getByTestId('minutes-print-attendance'), property!.name);
    await shot(print, 'deliberation-minutes-print');

    // 10. The resolution: drafted from the adopted item, then published.
    await desk.getByTestId(`meeting-item-draft-${meetingItemId}`).click();
    expect(await desk.getByTestId('resolution-draft-title').inputValue()).toBe(itemTitle);
    await desk.getByTestId('resolution-draft-text').fill(resolutionText);
    await desk.getByTestId('resolution-draft-body').click();
    await chooseOption(desk, property!.bodyName);
    await desk.getByTestId('resolution-draft-due').fill(localInput(new Date(Date.now() + 60 * 86_400_000)).slice(0, 10));
    await desk.getByTestId('resolution-draft-submit').click();
    await desk.waitForURL(/\/console\/resolutions\/[0-9a-f-]{36}$/);
    const resolutionId = new URL(desk.url()).pathname.split('/').pop()!;
    await expectExactText(desk.getByTestId('resolution-state'), '草稿');
    await expectText(desk.getByTestId('resolution-vote'), '赞成 4，反对 0，弃权 1');
    await desk.getByTestId('resolution-publish').click();
    await expectExactText(desk.getByTestId('resolution-state'), '公示中');
    await expectText(desk.getByTestId('resolution-publication'), ' 至 ');
    await shot(desk, 'deliberation-resolution');

    // 11. The resident, on her phone, reads it on the community's board and sees her item decided.
    await phone.goto('/m');
    await phone.getByTestId('m-deliberation-resolutions').click();
    await phone.waitForURL('**/m/resolutions');
    await expectExactText(phone.getByTestId(`m-resolution-title-${resolutionId}`), itemTitle);
    await phone.getByTestId(`m-resolution-${resolutionId}`).click();
    await phone.waitForURL(`**/m/resolutions/${resolutionId}`);
    await expectText(phone.getByTestId('m-resolution-text'), resolutionText);
    await expectText(phone.getByTestId('m-resolution-vote'), '赞成 4，反对 0，弃权 1');
    await expectExactText(phone.getByTestId('m-resolution-state'), '公示中');
    await phone.getByTestId('m-objection-text').waitFor();
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'deliberation-portal-resolution');

    await phone.goto(`/m/agenda/${itemId}`);
    await expectExactText(phone.getByTestId('m-agenda-detail-state'), '已表决');
    await expectNoSidewaysScroll(phone);
  });
});
