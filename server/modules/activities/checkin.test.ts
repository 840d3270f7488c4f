import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { activitySignup, pointsEntry } from '../../db/schema/members.ts';
import { makeNode, makePerson } from '../../demo/factories.ts';
import { makeActivity, makeSignup } from '../../demo/member-factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { givePointsRules } from '../../test/members.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { QR_WINDOW_MS, currentCode, venueCode, windowOf } from './rules.ts';

let t: TestContext;
let f: TwoStreets;
let secretary: RoleAccount;
let member: RoleAccount;
let neighbour: Awaited<ReturnType<typeof makeNode>>;
const hours = (h: number) => new Date(Date.now() + h * 3_600_000);
const codeNow = (a: { id: string; qrSecret: string }) => currentCode(a.qrSecret, a.id, Date.now()).code;
/** The code a screenshot taken a minute and a half ago would show: two windows back at least. */
const oldCode = (a: { id: string; qrSecret: string }) => venueCode(a.qrSecret, a.id, windowOf(Date.now() - 3 * QR_WINDOW_MS));

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  await givePointsRules(t.db, f.district.id);
  neighbour = await makeNode(t.db, f.a.street, 'neighborhood', 'A第二居民区', 'T-A-C2');
  secretary = await accountFor(t, 'community_secretary', f.a.community, 'secretary-a');
  const p = await makePerson(t.db, t.pii, f.a.building, { name: '李红', isPartyMember: true });
  member = await accountFor(t, 'party_member', f.a.community, 'member-a', p.id);
});
afterAll(() => t.close());

const entriesFor = (activityId: string, personId: string) =>
  t.db.select().from(pointsEntry).where(and(eq(pointsEntry.sourceType, 'activity'), eq(pointsEntry.sourceId, activityId), eq(pointsEntry.personId, personId)));

describe('check-in by the rotating venue code', () => {
  it('gives the venue screen a code and a check-in link that work', async () => {
    const a = await makeActivity(t.db, f.a.community, { startsAt: hours(-0.5) });
    await makeSignup(t.db, a.id, member.personId!);
    const qr = (await as(t.app, secretary.session).get(`/api/activities/${a.id}/qr`)).json();
    expect(qr.url).toBe(`/m/checkin?activity=${a.id}&code=${qr.code}`);
    expect(new Date(qr.expiresAt).getTime()).toBeGreaterThan(Date.now() - 1000);
    expect((await as(t.app, member.session).get(`/api/activities/${a.id}/qr`)).statusCode).toBe(403);
    const res = await as(t.app, member.session).post(`/api/activities/${a.id}/checkin`, { code: qr.code });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('checked_in');
  });

  it('refuses a screenshot of an old code', async () => {
    const a = await makeActivity(t.db, f.a.community, { startsAt: hours(-0.5) });
    await makeSignup(t.db, a.id, member.personId!);
    const res = await as(t.app, member.session).post(`/api/activities/${a.id}/checkin`, { code: oldCode(a) });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'code', code: 'activity.badCode' });
    const [s] = await t.db.select().from(activitySignup).where(eq(activitySignup.activityId, a.id));
    expect(s!.state).toBe('signed_up');
  });

  it('does not let a member of one community check in to another community\'s activity with its old code', async () => {
    const mine = await makeActivity(t.db, f.a.community, { startsAt: hours(-0.5) });
    await makeSignup(t.db, mine.id, member.personId!);
    const otherStreet = await makeActivity(t.db, f.b.community, { startsAt: hours(-0.5) });
    const sameStreet = await makeActivity(t.db, neighbour, { startsAt: hours(-0.5) });
    const me = as(t.app, member.session);
    // Another street's activity does not exist for this member, whatever the code.
    expect((await me.post(`/api/activities/${otherStreet.id}/checkin`, { code: oldCode(otherStreet) })).statusCode).toBe(404);
    expect((await me.post(`/api/activities/${otherStreet.id}/checkin`, { code: codeNow(otherStreet) })).statusCode).toBe(404);
    // A neighbouring community's old code opens neither that activity nor the member's own.
    expect((await me.post(`/api/activities/${sameStreet.id}/checkin`, { code: oldCode(sameStreet) })).json().errors[0].code).toBe('activity.badCode');
    expect((await me.post(`/api/activities/${mine.id}/checkin`, { code: oldCode(sameStreet) })).json().errors[0].code).toBe('activity.badCode');
    expect((await me.post(`/api/activities/${mine.id}/checkin`, { code: codeNow(sameStreet) })).json().errors[0].code).toBe('activity.badCode');
    // Even its current code: the member never signed up there.
    const notSigned = await me.post(`/api/activities/${sameStreet.id}/checkin`, { code: codeNow(sameStreet) });
    expect(notSigned.statusCode).toBe(409);
    expect(notSigned.json().code).toBe('activity.notSignedUp');
    const rows = await t.db.select().from(activitySignup).where(eq(activitySignup.personId, member.personId!));
    expect(rows.filter((r) => r.checkedInAt !== null && [otherStreet.id, sameStreet.id, mine.id].includes(r.activityId))).toEqual([]);
  });

  it('refuses a member who did not sign up, and scans outside the activity\'s time', async () => {
    const a = await makeActivity(t.db, f.a.community, { startsAt: hours(-0.5) });
    const res = await as(t.app, member.session).post(`/api/activities/${a.id}/checkin`, { code: codeNow(a) });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('activity.notSignedUp');
    const nextWeek = await makeActivity(t.db, f.a.community, { startsAt: hours(24 * 7) });
    await makeSignup(t.db, nextWeek.id, member.personId!);
    const early = await as(t.app, member.session).post(`/api/activities/${nextWeek.id}/checkin`, { code: codeNow(nextWeek) });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('activity.notNow');
  });

  it('checks in once and awards once when the same check-in and check-out are sent 10 times', async () => {
    const a = await makeActivity(t.db, f.a.community, { startsAt: hours(-1), endsAt: hours(1), title: '社区清洁' });
    await makeSignup(t.db, a.id, member.personId!);
    const me = as(t.app, member.session);
    const code = codeNow(a);
    const ins = await Promise.all(Array.from({ length: 10 }, () => me.post(`/api/activities/${a.id}/checkin`, { code })));
    expect(ins.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const checkIns = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'activity.checkIn'), eq(auditLog.targetId, a.id)));
    expect(checkIns).toHaveLength(1);
    // An hour and a half on the spot, so that there are hours to count.
    await t.db.update(activitySignup).set({ checkedInAt: hours(-1.5) }).where(eq(activitySignup.activityId, a.id));
    const outs = await Promise.all(Array.from({ length: 10 }, () => me.post(`/api/activities/${a.id}/checkout`, { code })));
    expect(outs.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const entries = await entriesFor(a.id, member.personId!);
    expect(entries).toHaveLength(1);
    // 1.5 h served, at 10 points an hour.
    expect(entries[0]!.points).toBe(15);
    expect(entries[0]!.ruleCode).toBe('service_hour');
    expect(outs.every((r) => r.json().hours === 1.5 && r.json().points === 15)).toBe(true);
  });
});

describe('check-in by the organiser', () => {
  it('marks a member in and out; hours are capped by the activity and become points', async () => {
    const a = await makeActivity(t.db, f.a.community, { startsAt: hours(-3), endsAt: hours(-1) });
    await makeSignup(t.db, a.id, f.a.person.id);
    const staff = as(t.app, secretary.session);
    expect((await staff.post(`/api/activities/${a.id}/signups/${f.a.person.id}/checkin`)).json().state).toBe('checked_in');
    await t.db.update(activitySignup).set({ checkedInAt: hours(-3.5) }).where(eq(activitySignup.activityId, a.id));
    const out = await staff.post(`/api/activities/${a.id}/signups/${f.a.person.id}/checkout`);
    expect(out.json()).toMatchObject({ state: 'checked_out', hours: 2, points: 20 });
    const list = (await staff.get(`/api/activities/${a.id}/signups`)).json().items;
    expect(list).toEqual([expect.objectContaining({ personId: f.a.person.id, name: f.a.person.name, state: 'checked_out', hours: 2, points: 20 })]);
  });

  it('awards a theme party day by the attendance rule', async () => {
    const a = await makeActivity(t.db, f.a.community, { kind: 'theme_party_day', startsAt: hours(-2), endsAt: hours(-1) });
    const p = await makePerson(t.db, t.pii, f.a.building, { isPartyMember: true });
    await makeSignup(t.db, a.id, p.id, { state: 'checked_in', checkedInAt: hours(-2) });
    const out = await as(t.app, secretary.session).post(`/api/activities/${a.id}/signups/${p.id}/checkout`);
    expect(out.json().points).toBe(5);
    expect((await entriesFor(a.id, p.id))[0]!.ruleCode).toBe('activity');
  });

  it('refuses check-out before check-in', async () => {
    const a = await makeActivity(t.db, f.a.community, { startsAt: hours(-1) });
    const p = await makePerson(t.db, t.pii, f.a.building, { isPartyMember: true });
    await makeSignup(t.db, a.id, p.id);
    const res = await as(t.app, secretary.session).post(`/api/activities/${a.id}/signups/${p.id}/checkout`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('activity.notCheckedIn');
  });
});

describe('who is active', () => {
  it('lists members with a check-in this month at the community\'s activities, with hours', async () => {
    const staff = as(t.app, secretary.session);
    const p = await makePerson(t.db, t.pii, f.a.building, { name: '赵志远', isPartyMember: true });
    const idle = await makePerson(t.db, t.pii, f.a.building, { name: '钱不来', isPartyMember: true });
    const a = await makeActivity(t.db, f.a.community, { startsAt: hours(-3), endsAt: hours(-1) });
    const checkedInAt = hours(-3);
    await makeSignup(t.db, a.id, p.id, { state: 'checked_out', checkedInAt, checkedOutAt: hours(-2) });
    await makeSignup(t.db, a.id, idle.id);
    const month = new Date(checkedInAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const res = await staff.get(`/api/activities/active?territoryId=${f.a.community.id}&month=${month}`);
    expect(res.statusCode).toBe(200);
    const row = res.json().items.find((i: { personId: string }) => i.personId === p.id);
    expect(row).toMatchObject({ name: '赵志远', checkIns: 1, hours: 1, communityId: f.a.community.id, communityName: f.a.community.name });
    expect(res.json().items.map((i: { personId: string }) => i.personId)).not.toContain(idle.id);
    expect((await staff.get(`/api/activities/active?territoryId=${f.b.community.id}`)).statusCode).toBe(404);
  });
});
