import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { agendaItem, meeting, meetingItem, resolution } from '../../db/schema/deliberation.ts';
import { notification } from '../../db/schema/notifications.ts';
import { makeBody, makePerson } from '../../demo/factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { TINY_PNG } from '../../test/members.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { makeResolution } from './fixtures.ts';

let t: TestContext;
let f: TwoStreets;
let worker: RoleAccount;
let workerB: RoleAccount;
let resident: RoleAccount;
let neighbour: RoleAccount;
let residentB: RoleAccount;
let street: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  worker = await accountFor(t, 'community_worker', f.a.community, 'worker-a');
  workerB = await accountFor(t, 'community_worker', f.b.community, 'worker-b');
  resident = await accountFor(t, 'resident', f.a.building, 'resident-a', f.a.person.id);
  neighbour = await accountFor(t, 'party_member', f.a.community, 'member-a', (await makePerson(t.db, t.pii, f.a.building, { isPartyMember: true })).id);
  residentB = await accountFor(t, 'resident', f.b.building, 'resident-b', f.b.person.id);
  street = await accountFor(t, 'street_admin', f.a.street, 'street-a');
});
afterAll(() => t.close());

/** A multipart body with the text field `note` and, when given, an image in `photo`. */
function noteUpload(note: string, photo?: Buffer) {
  const boundary = '----gongzhi-progress';
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${note}\r\n`)];
  if (photo) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), photo, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const send = (who: RoleAccount, url: string, upload: ReturnType<typeof noteUpload>) =>
  t.app.inject({ method: 'POST', url, headers: { cookie: who.session.cookie, 'x-csrf-token': who.session.csrf, ...upload.headers }, payload: upload.payload });
const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((r) => r.id);
const noticesOf = (who: RoleAccount, kind: string) => t.db.select().from(notification).where(and(eq(notification.accountId, who.accountId), eq(notification.kind, kind)));

/** A meeting of street A's community with one agenda item decided as `outcome`. */
async function decidedItem(outcome: 'adopted' | 'rejected', title = '增设电动自行车充电棚') {
  const c = f.a.community;
  const [m] = await t.db.insert(meeting).values({
    districtId: f.district.id, territoryId: c.id, path: c.path, kind: 'joint_four_in_one', title: '四位一体联席会', startsAt: new Date(Date.now() - 3_600_000),
    state: 'in_progress', checkinSecret: 'secret',
  }).returning();
  const [a] = await t.db.insert(agendaItem).values({ districtId: f.district.id, territoryId: c.id, path: c.path, title, source: 'resident', state: 'decided', meetingId: m!.id }).returning();
  const [i] = await t.db.insert(meetingItem).values({ meetingId: m!.id, agendaItemId: a!.id, position: 1, method: 'show_of_hands', votesFor: 7, votesAgainst: 1, votesAbstain: 1, outcome, decidedAt: new Date() }).returning();
  return { meeting: m!, item: i! };
}

describe('a resolution tracked to done', () => {
  it('is drafted unseen, published, objected to during the publication only, answered, worked on with a photo and closed', async () => {
    const company = await makeBody(t.db, f.a.community, 'property_company', 'A物业');
    const drafted = await as(t.app, worker.session).post('/api/resolutions', {
      territoryId: f.a.community.id, title: '楼道堆物集中清理', text: '由物业牵头，两周内清理全部楼道堆物。', responsibleBodyId: company.id, dueOn: '2030-12-31', publicDays: 5,
    });
    expect(drafted.statusCode).toBe(201);
    const r = drafted.json();
    expect(r).toMatchObject({ state: 'draft', responsibleBody: { id: company.id }, dueOn: '2030-12-31', overdue: false, actions: ['edit', 'publish', 'withdraw'] });

    // A draft is the community's own business.
    expect((await as(t.app, resident.session).get(`/api/resolutions/${r.id}`)).statusCode).toBe(404);
    expect(ids(await as(t.app, resident.session).get('/api/resolutions'))).not.toContain(r.id);
    expect((await as(t.app, resident.session).post(`/api/resolutions/${r.id}/objections`, { text: '太急了' })).statusCode).toBe(404);

    const published = await as(t.app, worker.session).post(`/api/resolutions/${r.id}/publish`, {});
    expect(published.json()).toMatchObject({ state: 'published', publicationOpen: true });
    const until = Date.parse(published.json().publicUntil) - Date.parse(published.json().publishedAt);
    expect(until).toBe(5 * 86_400_000);
    expect(await noticesOf(resident, 'resolution.published')).toHaveLength(1);
    expect(await noticesOf(residentB, 'resolution.published')).toHaveLength(0);

    const seen = await as(t.app, resident.session).get(`/api/resolutions/${r.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().actions).toEqual(['object']);
    expect(ids(await as(t.app, resident.session).get('/api/resolutions/public'))).toContain(r.id);
    expect((await as(t.app, residentB.session).get(`/api/resolutions/${r.id}`)).statusCode).toBe(404);
    expect((await as(t.app, residentB.session).post(`/api/resolutions/${r.id}/objections`, { text: '不同意' })).statusCode).toBe(404);

    const objected = await as(t.app, resident.session).post(`/api/resolutions/${r.id}/objections`, { text: '我家门口的鞋柜是否也要清理？' });
    expect(objected.statusCode).toBe(201);
    const objection = objected.json().objections[0];
    expect(objection).toMatchObject({ text: '我家门口的鞋柜是否也要清理？', mine: true, by: null, answer: null });
    expect(await noticesOf(worker, 'resolution.objected')).toHaveLength(1);
    // Staff read who objected, masked; a neighbour reads the objection without a name.
    const staffView = (await as(t.app, worker.session).get(`/api/resolutions/${r.id}`)).json();
    expect(staffView.objections[0].by).toMatch(/\*/);
    expect(staffView.unansweredObjections).toBe(1);
    expect((await as(t.app, neighbour.session).get(`/api/resolutions/${r.id}`)).json().objections[0]).toMatchObject({ by: null, mine: false });

    // The publication ends: no more objections.
    await t.db.update(resolution).set({ publicUntil: new Date(Date.now() - 1000) }).where(eq(resolution.id, r.id));
    const late = await as(t.app, neighbour.session).post(`/api/resolutions/${r.id}/objections`, { text: '补充意见' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('resolution.publicationClosed');

    const answered = await as(t.app, worker.session).post(`/api/resolutions/${r.id}/objections/${objection.id}/answer`, { answer: '鞋柜不影响通行的可以保留。' });
    expect(answered.json().objections[0]).toMatchObject({ answer: '鞋柜不影响通行的可以保留。', answeredBy: 'worker-a' });
    expect(answered.json().unansweredObjections).toBe(0);
    const told = await noticesOf(resident, 'resolution.objectionAnswered');
    expect(told).toHaveLength(1);
    expect(told[0]!.params).toMatchObject({ resolutionId: r.id });
    const again = await as(t.app, worker.session).post(`/api/resolutions/${r.id}/objections/${objection.id}/answer`, { answer: '再答一次' });
    expect(again.json().code).toBe('resolution.alreadyAnswered');
    expect((await as(t.app, workerB.session).post(`/api/resolutions/${r.id}/objections/${objection.id}/answer`, { answer: 'x' })).statusCode).toBe(404);

    const progressed = await send(worker, `/api/resolutions/${r.id}/progress`, noteUpload('已清理1至3号楼', TINY_PNG));
    expect(progressed.statusCode).toBe(201);
    expect(progressed.json().state).toBe('in_progress');
    const step = progressed.json().progress[0];
    expect(step).toMatchObject({ note: '已清理1至3号楼', actorName: 'worker-a', final: false });
    const photo = await as(t.app, resident.session).get(step.photoUrl);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect((await as(t.app, residentB.session).get(step.photoUrl)).statusCode).toBe(404);
    const notImage = await send(worker, `/api/resolutions/${r.id}/progress`, noteUpload('x', Buffer.from('<?php ?>')));
    expect(notImage.statusCode).toBe(415);
    const noNote = await as(t.app, worker.session).post(`/api/resolutions/${r.id}/progress`, { note: ' ' });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().errors[0].field).toBe('note');

    const done = await as(t.app, worker.session).post(`/api/resolutions/${r.id}/done`, { note: '全部清理完毕，业主代表验收' });
    expect(done.json()).toMatchObject({ state: 'done', overdue: false, actions: ['answer'] });
    expect(done.json().doneAt).not.toBeNull();
    expect(done.json().progress.map((p: { final: boolean }) => p.final)).toEqual([false, true]);
    const after = await as(t.app, worker.session).post(`/api/resolutions/${r.id}/progress`, { note: '补记' });
    expect(after.json().code).toBe('resolution.wrongState');

    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, r.id))).map((a) => a.action);
    expect(actions).toEqual(['resolution.draft', 'resolution.publish', 'resolution.object', 'resolution.answer', 'resolution.progress', 'resolution.done']);
  });

  it('drafts from an adopted meeting item only, once however many drafts race, and prints the decision behind it', async () => {
    const rejected = await decidedItem('rejected');
    const refused = await as(t.app, worker.session).post('/api/resolutions', { meetingItemId: rejected.item.id, text: '……' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ field: 'meetingItemId', code: 'resolution.itemNotAdopted' });

    const { meeting: m, item } = await decidedItem('adopted');
    expect((await as(t.app, workerB.session).post('/api/resolutions', { meetingItemId: item.id, text: '……' })).statusCode).toBe(404);
    const race = await Promise.all(Array.from({ length: 5 }, () => as(t.app, worker.session).post('/api/resolutions', { meetingItemId: item.id, text: '在小区东侧增设充电棚，物业负责运维。' })));
    expect(race.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(race.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(Array(4).fill('resolution.itemTaken'));
    const printed = race.find((r) => r.statusCode === 201)!.json();
    expect(printed).toMatchObject({
      title: '增设电动自行车充电棚', community: { id: f.a.community.id },
      meeting: { id: m.id, kind: 'joint_four_in_one', participants: 0, present: 0 },
      meetingItemId: item.id,
      decision: { meetingItemId: item.id, method: 'show_of_hands', votesFor: 7, votesAgainst: 1, votesAbstain: 1, outcome: 'adopted' },
    });
    // The meeting page finds, per adopted item, the resolution already drafted from it.
    const ofMeeting = (await as(t.app, worker.session).get(`/api/resolutions?meetingId=${m.id}`)).json().items;
    expect(ofMeeting.map((r: { id: string; meetingItemId: string | null }) => [r.id, r.meetingItemId])).toEqual([[printed.id, item.id]]);
    const standalone = await as(t.app, worker.session).post('/api/resolutions', { territoryId: f.a.community.id, title: '楼道堆物清理公约', text: '……' });
    expect(standalone.json().meetingItemId).toBeNull();
  });
});

describe('who reads resolutions', () => {
  it('shows residents the published, in-progress and done ones of their own community, never drafts or withdrawn ones', async () => {
    const shown = await Promise.all((['published', 'in_progress', 'done'] as const).map((state) => makeResolution(t.db, f.a.community, { state })));
    const hidden = await Promise.all((['draft', 'withdrawn'] as const).map((state) => makeResolution(t.db, f.a.community, { state })));
    const elsewhere = await makeResolution(t.db, f.b.community, { state: 'published' });
    const list = ids(await as(t.app, resident.session).get('/api/resolutions?pageSize=100'));
    for (const r of shown) expect(list).toContain(r.id);
    for (const r of [...hidden, elsewhere]) expect(list).not.toContain(r.id);
    for (const r of hidden) expect((await as(t.app, resident.session).get(`/api/resolutions/${r.id}`)).statusCode).toBe(404);
    expect((await as(t.app, resident.session).get(`/api/resolutions/${elsewhere.id}`)).statusCode).toBe(404);

    const staff = ids(await as(t.app, worker.session).get('/api/resolutions?pageSize=100'));
    for (const r of [...shown, ...hidden]) expect(staff).toContain(r.id);
    expect(staff).not.toContain(elsewhere.id);
    const board = ids(await as(t.app, worker.session).get('/api/resolutions/public?pageSize=100'));
    for (const r of hidden) expect(board).not.toContain(r.id);
    expect(ids(await as(t.app, street.session).get('/api/resolutions?state=draft,withdrawn&pageSize=100')).sort()).toEqual(
      expect.arrayContaining(hidden.map((r) => r.id)),
    );
  });

  it('flags overdue ones red in lists and filters by it', async () => {
    const late = await makeResolution(t.db, f.a.community, { state: 'in_progress', dueOn: '2020-01-01' });
    const finished = await makeResolution(t.db, f.a.community, { state: 'done', dueOn: '2020-01-01' });
    const overdue = (await as(t.app, worker.session).get('/api/resolutions?overdue=true&pageSize=100')).json().items;
    expect(overdue.map((r: { id: string }) => r.id)).toContain(late.id);
    expect(overdue.map((r: { id: string }) => r.id)).not.toContain(finished.id);
    expect(overdue.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    expect((await as(t.app, worker.session).get(`/api/resolutions/${finished.id}`)).json().overdue).toBe(false);
  });
});
