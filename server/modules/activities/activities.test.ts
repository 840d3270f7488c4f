import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { activitySignup } from '../../db/schema/members.ts';
import { notification } from '../../db/schema/notifications.ts';
import { makeNode, makePerson } from '../../demo/factories.ts';
import { makeActivity, makeService, makeSignup } from '../../demo/member-factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { givePointsRules } from '../../test/members.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { notificationsEnUS } from '../../../web/src/app/i18n/notifications.en-US.ts';
import { renderNotice } from '../../../web/src/modules/notifications/notice-text.ts';

let t: TestContext;
let f: TwoStreets;
let secretary: RoleAccount;
let member: RoleAccount;
let neighbour: Awaited<ReturnType<typeof makeNode>>;
const hours = (h: number) => new Date(Date.now() + h * 3_600_000);

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  await givePointsRules(t.db, f.district.id);
  neighbour = await makeNode(t.db, f.a.street, 'neighborhood', 'A第二居民区', 'T-A-C2');
  secretary = await accountFor(t, 'community_secretary', f.a.community, 'secretary-a');
  const p = await makePerson(t.db, t.pii, f.a.building, { name: '王建国', isPartyMember: true });
  member = await accountFor(t, 'party_member', f.a.community, 'member-a', p.id);
});
afterAll(() => t.close());

describe('the service catalogue', () => {
  it('lets community staff publish and retire services; members see their street\'s', async () => {
    const staff = as(t.app, secretary.session);
    const created = await staff.post('/api/services', { territoryId: f.a.community.id, category: '法律服务', title: '法律咨询', place: '党群服务站' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ category: '法律服务', title: '法律咨询', territoryName: f.a.community.name, retired: false });

    const bad = await staff.post('/api/services', { territoryId: f.a.community.id, category: '其它', title: 'x' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('category');
    const atGrid = await staff.post('/api/services', { territoryId: f.a.grid.id, category: '其他', title: '网格服务' });
    expect(atGrid.json().code).toBe('validation');
    expect(atGrid.json().errors[0]).toMatchObject({ field: 'territoryId', code: 'activity.notCommunity' });

    const mine = as(t.app, member.session);
    expect((await mine.get('/api/services')).json().items.map((s: { id: string }) => s.id)).toContain(id);
    expect((await staff.patch(`/api/services/${id}`, { retired: true })).json().retired).toBe(true);
    expect((await mine.get('/api/services')).json().items.map((s: { id: string }) => s.id)).not.toContain(id);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audited.map((a) => a.action)).toEqual(['service.create', 'service.update']);
  });
});

describe('activities', () => {
  it('publishes a slot of a catalogue service with the service\'s title and place', async () => {
    const svc = await makeService(t.db, f.a.community, { category: '助老助残', title: '为老人理发', place: '活动室' });
    const start = hours(48);
    const res = await as(t.app, secretary.session).post('/api/activities', {
      territoryId: f.a.community.id, kind: 'service', serviceId: svc.id, startsAt: start.toISOString(), endsAt: hours(50).toISOString(), capacity: 3,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: '为老人理发', place: '活动室', category: '助老助残', pointsRule: 'service_hour', signedUp: 0, state: 'published' });
    expect(new Date(res.json().cancelDeadline).getTime()).toBe(start.getTime() - 2 * 3_600_000);
    const backwards = await as(t.app, secretary.session).post('/api/activities', {
      territoryId: f.a.community.id, kind: 'theme_party_day', title: '主题党日', startsAt: hours(5).toISOString(), endsAt: hours(4).toISOString(), capacity: 3,
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe('endsAt');
  });

  it('shows members what is on in their street, their own community first, and nothing of another street', async () => {
    const later = await makeActivity(t.db, f.a.community, { title: '本社区活动', startsAt: hours(72) });
    const sooner = await makeActivity(t.db, neighbour, { title: '邻近社区活动', startsAt: hours(24) });
    const elsewhere = await makeActivity(t.db, f.b.community, { title: '别的街道活动' });
    const over = await makeActivity(t.db, f.a.community, { title: '已结束', startsAt: hours(-5) });
    const items = (await as(t.app, member.session).get('/api/activities')).json().items as { id: string; near: string }[];
    const ids = items.map((i) => i.id);
    expect(ids).toContain(later.id);
    expect(ids).toContain(sooner.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(over.id);
    expect(ids.indexOf(later.id)).toBeLessThan(ids.indexOf(sooner.id));
    expect(items.find((i) => i.id === later.id)!.near).toBe('community');
    expect(items.find((i) => i.id === sooner.id)!.near).toBe('street');
    expect((await as(t.app, member.session).get(`/api/activities/${elsewhere.id}`)).statusCode).toBe(404);
  });

  it('lets exactly capacity members in when 20 sign up at once for 5 places', async () => {
    const a = await makeActivity(t.db, f.a.community, { capacity: 5 });
    const members = await Promise.all(Array.from({ length: 20 }, async (_, i) => {
      const p = await makePerson(t.db, t.pii, f.a.building, { isPartyMember: true });
      return accountFor(t, 'party_member', f.a.community, `rush-${i}`, p.id);
    }));
    const results = await Promise.all(members.map((m) => as(t.app, m.session).post(`/api/activities/${a.id}/signup`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(15);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('activity.full');
    const live = await t.db.select().from(activitySignup).where(eq(activitySignup.activityId, a.id));
    expect(live).toHaveLength(5);
    expect((await as(t.app, member.session).get(`/api/activities/${a.id}`)).json().signedUp).toBe(5);
  });

  it('signs up once however often it is sent, and shows the member their sign-ups', async () => {
    const a = await makeActivity(t.db, f.a.community, { title: '清洁家园', startsAt: hours(30) });
    const me = as(t.app, member.session);
    expect((await me.post(`/api/activities/${a.id}/signup`)).statusCode).toBe(201);
    expect((await me.post(`/api/activities/${a.id}/signup`)).statusCode).toBe(200);
    const mine = (await me.get('/api/me/signups')).json().items;
    expect(mine.filter((i: { activity: { id: string } }) => i.activity.id === a.id)).toHaveLength(1);
    expect(mine.find((i: { activity: { id: string } }) => i.activity.id === a.id).signup.state).toBe('signed_up');
    expect((await me.get(`/api/activities/${a.id}`)).json().mySignup.state).toBe('signed_up');
  });

  it('cancels before the deadline; after it answers 409 naming the deadline', async () => {
    const me = as(t.app, member.session);
    const open = await makeActivity(t.db, f.a.community, { startsAt: hours(24) });
    await me.post(`/api/activities/${open.id}/signup`);
    const cancelled = await me.delete(`/api/activities/${open.id}/signup`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().state).toBe('cancelled');
    expect((await me.get(`/api/activities/${open.id}`)).json().signedUp).toBe(0);

    const closing = await makeActivity(t.db, f.a.community, { startsAt: hours(1), cancelDeadline: hours(-1) });
    await makeSignup(t.db, closing.id, member.personId!);
    const late = await t.app.inject({ method: 'DELETE', url: `/api/activities/${closing.id}/signup`, headers: { cookie: member.session.cookie, 'x-csrf-token': member.session.csrf, 'accept-language': 'en-US' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('activity.cancelDeadlinePassed');
    expect(late.json().detail).toContain('deadline');
    const [still] = await t.db.select().from(activitySignup).where(and(eq(activitySignup.activityId, closing.id), eq(activitySignup.personId, member.personId!)));
    expect(still!.state).toBe('signed_up');
  });

  it('refuses sign-ups to a cancelled activity and keeps capacity above the sign-ups', async () => {
    const staff = as(t.app, secretary.session);
    const a = await makeActivity(t.db, f.a.community, { capacity: 3 });
    await as(t.app, member.session).post(`/api/activities/${a.id}/signup`);
    await makeSignup(t.db, a.id, f.a.person.id);
    const shrink = await staff.patch(`/api/activities/${a.id}`, { capacity: 1 });
    expect(shrink.statusCode).toBe(409);
    expect(shrink.json().code).toBe('activity.capacityBelowSignups');
    expect((await staff.post(`/api/activities/${a.id}/cancel`)).json().state).toBe('cancelled');
    const p = await makePerson(t.db, t.pii, f.a.building, { isPartyMember: true });
    const late = await accountFor(t, 'party_member', f.a.community, 'late-member', p.id);
    const refused = await as(t.app, late.session).post(`/api/activities/${a.id}/signup`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('activity.notOpen');
  });
});

describe('editing and calling off an activity', () => {
  const noticesOf = (accountId: string, activityId: string) =>
    t.db.select().from(notification).where(and(eq(notification.accountId, accountId), sql`${notification.params}->>'activityId' = ${activityId}`));

  it('edits time, place and capacity, audits it, and tells the members signed up — not those who cancelled', async () => {
    const staff = as(t.app, secretary.session);
    const a = await makeActivity(t.db, f.a.community, { title: '助老理发', startsAt: hours(48), capacity: 5 });
    await as(t.app, member.session).post(`/api/activities/${a.id}/signup`);
    const p = await makePerson(t.db, t.pii, f.a.building, { isPartyMember: true });
    const gone = await accountFor(t, 'party_member', f.a.community, 'gone-member', p.id);
    await as(t.app, gone.session).post(`/api/activities/${a.id}/signup`);
    await as(t.app, gone.session).delete(`/api/activities/${a.id}/signup`);

    const res = await staff.patch(`/api/activities/${a.id}`, {
      title: '助老理发（改期）', place: '党群服务站二楼', startsAt: hours(72).toISOString(), endsAt: hours(74).toISOString(), cancelDeadline: hours(70).toISOString(), capacity: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: '助老理发（改期）', place: '党群服务站二楼', capacity: 1, signedUp: 1, state: 'published' });
    const [told] = await noticesOf(member.accountId, a.id);
    expect(told).toMatchObject({ kind: 'activity.changed', link: '/m/services' });
    expect(told!.title).toContain('助老理发');
    expect(told!.body).toContain('党群服务站二楼');
    expect(await noticesOf(gone.accountId, a.id)).toHaveLength(0);
    const [logged] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'activity.update'), eq(auditLog.targetId, a.id)));
    expect(logged).toBeDefined();

    const same = await staff.patch(`/api/activities/${a.id}`, { description: '请自带毛巾' });
    expect(same.json().description).toBe('请自带毛巾');
    expect(await noticesOf(member.accountId, a.id)).toHaveLength(1);
  });

  it('keeps times consistent and names the field', async () => {
    const a = await makeActivity(t.db, f.a.community, { startsAt: hours(48) });
    const res = await as(t.app, secretary.session).patch(`/api/activities/${a.id}`, { endsAt: hours(40).toISOString() });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('endsAt');
  });

  it('calls off once, telling each member signed up once, and refuses edits afterwards', async () => {
    const staff = as(t.app, secretary.session);
    const a = await makeActivity(t.db, f.a.community, { title: '主题党日', place: '党群服务站', startsAt: hours(30) });
    await as(t.app, member.session).post(`/api/activities/${a.id}/signup`);
    const both = await Promise.all([staff.post(`/api/activities/${a.id}/cancel`), staff.post(`/api/activities/${a.id}/cancel`)]);
    expect(both.map((r) => r.json().state)).toEqual(['cancelled', 'cancelled']);
    const notices = await noticesOf(member.accountId, a.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'activity.cancelled' });
    // Its sentence can be told in the reader's language: the params fill the catalogue's.
    const english = renderNotice(notices[0]!, 'en-US', (key) => (notificationsEnUS as Record<string, string>)[key]);
    expect(english).toMatchObject({ fromCatalogue: true, title: expect.stringContaining(a.title), body: expect.stringContaining('called off') });
    const cancels = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'activity.cancel'), eq(auditLog.targetId, a.id)));
    expect(cancels).toHaveLength(1);

    const edit = await staff.patch(`/api/activities/${a.id}`, { place: '别处' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('activity.notEditable');
  });

  it("answers 404 to another street's staff and 403 to a member", async () => {
    const a = await makeActivity(t.db, f.a.community, { startsAt: hours(30) });
    const other = await accountFor(t, 'community_secretary', f.b.community, 'secretary-b');
    expect((await as(t.app, other.session).patch(`/api/activities/${a.id}`, { place: 'x' })).statusCode).toBe(404);
    expect((await as(t.app, other.session).post(`/api/activities/${a.id}/cancel`)).statusCode).toBe(404);
    expect((await as(t.app, member.session).patch(`/api/activities/${a.id}`, { place: 'x' })).statusCode).toBe(403);
    expect((await as(t.app, secretary.session).get(`/api/activities/${a.id}`)).json().state).toBe('published');
  });
});

describe('records of another community', () => {
  const expectNotFound = (res: { statusCode: number; headers: Record<string, unknown>; json: () => { code: string } }) => {
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('notFound');
  };

  it("answers 404, not 403, to staff naming another street's community, service, activity or attendance", async () => {
    const staff = as(t.app, secretary.session);
    const inB = { territoryId: f.b.community.id };
    expectNotFound(await staff.post('/api/services', { ...inB, category: '其他', title: '越界服务' }));
    expectNotFound(await staff.post('/api/activities', { ...inB, kind: 'volunteer', title: '越界活动', startsAt: hours(24).toISOString(), endsAt: hours(26).toISOString(), capacity: 5 }));
    expectNotFound(await staff.get(`/api/activities/active?territoryId=${f.b.community.id}`));
    expectNotFound(await staff.patch(`/api/services/${(await makeService(t.db, f.b.community)).id}`, { title: '改名' }));
    const a = await makeActivity(t.db, f.b.community, { startsAt: hours(-1) });
    expectNotFound(await staff.get(`/api/activities/${a.id}/signups`));
    expectNotFound(await staff.post(`/api/activities/${a.id}/signups/${f.b.person.id}/checkin`));
    const made = await t.db.select().from(auditLog).where(eq(auditLog.territoryId, f.b.community.id));
    expect(made).toEqual([]);
  });
});
