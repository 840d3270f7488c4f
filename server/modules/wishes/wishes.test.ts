import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { pointsEntry, wish } from '../../db/schema/members.ts';
import { makePerson } from '../../demo/factories.ts';
import { makeWish } from '../../demo/member-factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { TINY_PNG, givePointsRules, photoUpload } from '../../test/members.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { expireStaleClaims } from './expire-claims.ts';

let t: TestContext;
let f: TwoStreets;
let resident: RoleAccount;
let worker: RoleAccount;
let workerB: RoleAccount;
let member: RoleAccount;
let other: RoleAccount;
let memberB: RoleAccount;
const days = (d: number) => new Date(Date.now() + d * 86_400_000);

async function memberAccount(node: TwoStreets['a'], username: string, name?: string) {
  const p = await makePerson(t.db, t.pii, node.building, { name, isPartyMember: true });
  return accountFor(t, 'party_member', node.community, username, p.id);
}

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  await givePointsRules(t.db, f.district.id);
  resident = await accountFor(t, 'resident', f.a.building, 'resident-a', f.a.person.id);
  worker = await accountFor(t, 'community_worker', f.a.community, 'worker-a');
  workerB = await accountFor(t, 'community_worker', f.b.community, 'worker-b');
  member = await memberAccount(f.a, 'member-a', '周卫国');
  other = await memberAccount(f.a, 'member-a2');
  memberB = await memberAccount(f.b, 'member-b');
});
afterAll(() => t.close());

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((w) => w.id);

describe('posting and review', () => {
  it('keeps a new wish from members until the community approves it, then shows the resident\'s name masked', async () => {
    const posted = await as(t.app, resident.session).post('/api/wishes', { title: '想学用智能手机挂号', description: '子女不在身边' });
    expect(posted.statusCode).toBe(201);
    const id = posted.json().id;
    expect(posted.json()).toMatchObject({ state: 'pending_review', mine: 'resident', resident: { id: f.a.person.id, name: f.a.person.name } });
    expect(ids(await as(t.app, member.session).get('/api/wishes'))).not.toContain(id);
    expect((await as(t.app, member.session).post(`/api/wishes/${id}/claim`)).statusCode).toBe(404);

    expect((await as(t.app, workerB.session).post(`/api/wishes/${id}/approve`)).statusCode).toBe(404);
    const approved = await as(t.app, worker.session).post(`/api/wishes/${id}/approve`);
    expect(approved.json()).toMatchObject({ state: 'open', resident: { name: f.a.person.name } });

    const seen = (await as(t.app, member.session).get('/api/wishes')).json().items.find((w: { id: string }) => w.id === id);
    expect(seen.resident.name).not.toBe(f.a.person.name);
    expect(seen.resident.name).toMatch(/\*/);
    expect(JSON.stringify(seen)).not.toContain(f.a.person.name);
    expect(ids(await as(t.app, memberB.session).get('/api/wishes'))).not.toContain(id);
    expect((await as(t.app, worker.session).post(`/api/wishes/${id}/approve`)).json().code).toBe('wish.wrongState');
  });

  it('tells the resident why a wish was turned down', async () => {
    const id = (await as(t.app, resident.session).post('/api/wishes', { title: '修楼道灯' })).json().id;
    const rejected = await as(t.app, worker.session).post(`/api/wishes/${id}/reject`, { reason: '属于物业报修范围，已转物业处理' });
    expect(rejected.json().state).toBe('rejected');
    const mine = (await as(t.app, resident.session).get('/api/wishes?mine=true')).json().items.find((w: { id: string }) => w.id === id);
    expect(mine).toMatchObject({ state: 'rejected', reason: '属于物业报修范围，已转物业处理' });
    expect((await as(t.app, worker.session).post(`/api/wishes/${id}/reject`, {})).statusCode).toBe(422);
  });

  it('lets a worker post for a resident of their community only', async () => {
    const forResident = await as(t.app, worker.session).post('/api/wishes', { title: '想要一套春联', residentId: f.a.person.id });
    expect(forResident.statusCode).toBe(201);
    expect(forResident.json().resident.id).toBe(f.a.person.id);
    expect((await as(t.app, worker.session).post('/api/wishes', { title: 'x', residentId: f.b.person.id })).statusCode).toBe(404);
    expect((await as(t.app, resident.session).post('/api/wishes', { title: 'x', residentId: f.b.person.id })).statusCode).toBe(403);
    const audited = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'wish.post'), eq(auditLog.targetId, forResident.json().id)));
    expect(audited).toHaveLength(1);
  });
});

describe('claiming', () => {
  it('lets exactly one of 50 simultaneous claims win; the others hear 409 wish.alreadyClaimed', async () => {
    const w = await makeWish(t.db, f.a.person, { title: '陪老人去医院' });
    const claimers = await Promise.all(Array.from({ length: 50 }, (_, i) => memberAccount(f.a, `claimer-${i}`)));
    const results = await Promise.all(claimers.map((c) => as(t.app, c.session).post(`/api/wishes/${w.id}/claim`)));
    const won = results.filter((r) => r.statusCode === 200);
    const lost = results.filter((r) => r.statusCode === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    expect(new Set(lost.map((r) => r.json().code))).toEqual(new Set(['wish.alreadyClaimed']));
    const [row] = await t.db.select().from(wish).where(eq(wish.id, w.id));
    expect(row!.state).toBe('claimed');
    expect(won[0]!.json().claimedBy.id).toBe(row!.claimedBy);
    expect(row!.claimExpiresAt!.getTime()).toBeGreaterThan(days(6).getTime());
    const claims = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'wish.claim'), eq(auditLog.targetId, w.id)));
    expect(claims).toHaveLength(1);
  });

  it('refuses a member of another street and a member claiming their own wish', async () => {
    const w = await makeWish(t.db, f.a.person);
    expect((await as(t.app, memberB.session).post(`/api/wishes/${w.id}/claim`)).statusCode).toBe(404);
    const own = await makeWish(t.db, { id: member.personId!, territoryId: f.a.building.id });
    const res = await as(t.app, member.session).post(`/api/wishes/${own.id}/claim`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('wish.ownWish');
  });
});

describe('fulfilling and confirming', () => {
  it('takes a photo from the claimer, shows it to those who may see the wish, and pays the claimer once on confirmation', async () => {
    const w = await makeWish(t.db, f.a.person, { title: '帮忙搬书柜' });
    const me = as(t.app, member.session);
    await me.post(`/api/wishes/${w.id}/claim`);
    const send = (who: RoleAccount, upload: ReturnType<typeof photoUpload>) =>
      t.app.inject({ method: 'POST', url: `/api/wishes/${w.id}/fulfil`, headers: { cookie: who.session.cookie, 'x-csrf-token': who.session.csrf, ...upload.headers }, payload: upload.payload });

    expect((await send(other, photoUpload(TINY_PNG))).statusCode).toBe(404);
    const disguised = await send(member, photoUpload(Buffer.from('<?php echo 1; ?>'), 'photo.png'));
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().code).toBe('file.badImage');
    const huge = await send(member, photoUpload(Buffer.concat([TINY_PNG, Buffer.alloc(5 * 1024 * 1024)])));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('file.tooLarge');
    const wrongField = await send(member, photoUpload(TINY_PNG, 'p.png', 'file'));
    expect(wrongField.statusCode).toBe(422);

    const done = await send(member, photoUpload(TINY_PNG));
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'fulfilled', hasPhoto: true, photoUrl: `/api/wishes/${w.id}/photo` });

    for (const who of [member, resident, worker]) {
      const photo = await as(t.app, who.session).get(`/api/wishes/${w.id}/photo`);
      expect(photo.statusCode, who.username).toBe(200);
      expect(photo.headers['content-type']).toBe('image/png');
      expect(photo.rawPayload.equals(TINY_PNG)).toBe(true);
    }
    expect((await as(t.app, other.session).get(`/api/wishes/${w.id}/photo`)).statusCode).toBe(404);
    expect((await as(t.app, workerB.session).get(`/api/wishes/${w.id}/photo`)).statusCode).toBe(404);

    expect((await as(t.app, other.session).post(`/api/wishes/${w.id}/confirm`)).statusCode).toBe(403);
    const confirmations = await Promise.all([1, 2, 3].map(() => as(t.app, resident.session).post(`/api/wishes/${w.id}/confirm`)));
    expect(confirmations.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(confirmations[0]!.json().state).toBe('confirmed');
    const entries = await t.db.select().from(pointsEntry).where(and(eq(pointsEntry.sourceType, 'wish'), eq(pointsEntry.sourceId, w.id)));
    expect(entries).toEqual([expect.objectContaining({ personId: member.personId, ruleCode: 'wish', points: 20 })]);
  });

  it('lets a worker confirm for a resident', async () => {
    const w = await makeWish(t.db, f.a.person, { state: 'fulfilled', claimedBy: other.personId!, claimedAt: new Date(), fulfilledAt: new Date() });
    expect((await as(t.app, workerB.session).post(`/api/wishes/${w.id}/confirm`)).statusCode).toBe(404);
    expect((await as(t.app, worker.session).post(`/api/wishes/${w.id}/confirm`)).json().state).toBe('confirmed');
    const entries = await t.db.select().from(pointsEntry).where(and(eq(pointsEntry.sourceType, 'wish'), eq(pointsEntry.sourceId, w.id)));
    expect(entries.map((e) => e.personId)).toEqual([other.personId]);
  });
});

describe('stale claims', () => {
  it('go back to open once their time has passed, once, with an audit record; live claims stay', async () => {
    const stale = await makeWish(t.db, f.a.person, { state: 'claimed', claimedBy: other.personId!, claimedAt: days(-8), claimExpiresAt: days(-1) });
    const live = await makeWish(t.db, f.a.person, { state: 'claimed', claimedBy: other.personId!, claimedAt: days(-1), claimExpiresAt: days(6) });
    expect(await expireStaleClaims(t.db)).toBeGreaterThanOrEqual(1);
    expect(await expireStaleClaims(t.db)).toBe(0);
    const [s] = await t.db.select().from(wish).where(eq(wish.id, stale.id));
    expect(s).toMatchObject({ state: 'open', claimedBy: null, claimExpiresAt: null });
    const [l] = await t.db.select().from(wish).where(eq(wish.id, live.id));
    expect(l).toMatchObject({ state: 'claimed', claimedBy: other.personId });
    const records = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'wish.claimExpired'), eq(auditLog.targetId, stale.id)));
    expect(records).toHaveLength(1);
    expect(records[0]!.before).toMatchObject({ claimedBy: other.personId });
  });

  it('are expired before a list is shown, so the wish is open to claim again', async () => {
    const w = await makeWish(t.db, f.a.person, { state: 'claimed', claimedBy: other.personId!, claimedAt: days(-8), claimExpiresAt: days(-1) });
    const seen = (await as(t.app, member.session).get('/api/wishes?state=open')).json().items.find((x: { id: string }) => x.id === w.id);
    expect(seen).toMatchObject({ state: 'open', claimedBy: null });
    expect((await as(t.app, member.session).post(`/api/wishes/${w.id}/claim`)).statusCode).toBe(200);
  });
});
