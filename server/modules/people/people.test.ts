import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../core/pii.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { person } from '../../db/schema/people.ts';
import { makePerson } from '../../demo/factories.ts';
import { idNumber } from '../../demo/random.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type Person, type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';

let t: TestContext;
let f: TwoStreets;
let secretary: RoleAccount;
let gridWorker: RoleAccount;
let streetA: RoleAccount;
let auditor: RoleAccount;
let known: Person;
const PHONE = '13912345678';
const ID = idNumber(777_001, 'female');

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  secretary = await accountFor(t, 'community_secretary', f.a.community);
  gridWorker = await accountFor(t, 'grid_worker', f.a.grid);
  streetA = await accountFor(t, 'street_admin', f.a.street);
  auditor = await accountFor(t, 'auditor', f.district);
  known = await makePerson(t.db, t.pii, f.a.building, { name: '周知', phone: PHONE, idNumber: ID });
});
afterAll(() => t.close());

const api = (a: RoleAccount) => as(t.app, a.session);

describe('masking', () => {
  it('shows numbers masked in the list and on the person\'s page, never in full', async () => {
    const list = await api(gridWorker).get(`/api/people?territoryId=${f.a.building.id}`);
    expect(list.statusCode).toBe(200);
    const row = list.json().items.find((p: { id: string }) => p.id === known.id);
    expect(row).toMatchObject({ phone: '139****5678', idNumber: `${ID.slice(0, 6)}********${ID.slice(-4)}` });
    expect(list.body).not.toContain(PHONE);
    expect(list.body).not.toContain(ID);

    const page = await api(gridWorker).get(`/api/people/${known.id}`);
    expect(page.json()).toMatchObject({ phone: '139****5678', canReveal: false });
    expect(page.body).not.toContain(PHONE);
    expect(page.body).not.toContain(ID);
    expect((await api(secretary).get(`/api/people/${known.id}`)).json().canReveal).toBe(true);
  });

  it('never stores the numbers in clear', async () => {
    const [row] = await t.db.select().from(person).where(eq(person.id, known.id));
    expect(JSON.stringify(row)).not.toContain(PHONE);
    expect(JSON.stringify(row)).not.toContain(ID);
  });
});

describe('revealing the numbers', () => {
  it('shows them in full to a secretary and records who looked, at whom, and when', async () => {
    const before = Date.now();
    const res = await api(secretary).post(`/api/people/${known.id}/reveal`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idNumber: ID, phone: PHONE });
    const [record] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'person.reveal'));
    expect(record).toMatchObject({ actor: secretary.username, role: 'community_secretary', targetType: 'person', targetId: known.id });
    expect(new Date(record!.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(JSON.stringify(record)).not.toContain(PHONE);
    const seen = (await as(t.app, auditor.session).get('/api/audit?action=person.reveal')).json().items;
    expect(seen).toEqual([expect.objectContaining({ actor: secretary.username, targetId: known.id })]);
  });

  it('refuses a grid worker', async () => {
    const res = await api(gridWorker).post(`/api/people/${known.id}/reveal`);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain(PHONE);
  });
});

describe('finding people', () => {
  it('finds a person by an exact phone number through its keyed hash, however it is written', async () => {
    for (const q of [PHONE, '+86 139-1234-5678']) {
      const items = (await api(gridWorker).get(`/api/people?q=${encodeURIComponent(q)}`)).json().items;
      expect(items.map((p: { id: string }) => p.id), q).toEqual([known.id]);
    }
    expect((await api(gridWorker).get('/api/people?q=1391234')).json().items).toEqual([]);
  });

  it('finds a person by an exact ID number', async () => {
    const items = (await api(gridWorker).get(`/api/people?q=${ID.toLowerCase()}`)).json().items;
    expect(items.map((p: { id: string }) => p.id)).toEqual([known.id]);
  });

  it('does not find a person of another street, even by their exact number, and answers as if they did not exist', async () => {
    const other = await makePerson(t.db, t.pii, f.b.building, { phone: '13700001111' });
    expect((await api(streetA).get('/api/people?q=13700001111')).json().items).toEqual([]);
    const unknown = await api(streetA).get('/api/people/00000000-0000-4000-8000-000000000000');
    for (const res of [
      await api(streetA).get(`/api/people/${other.id}`),
      await api(gridWorker).get(`/api/people/${f.b.person.id}`),
      await api(streetA).post(`/api/people/${other.id}/reveal`),
      await api(streetA).get(`/api/people?territoryId=${f.b.building.id}`),
      await api(streetA).get(`/api/households?territoryId=${f.b.building.id}`),
      await api(streetA).patch(`/api/people/${other.id}`, { name: '改名' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe(unknown.json().code);
      expect(res.body).not.toContain(f.b.person.name);
    }
  });

  it('still answers 403 for a person the caller sees but may not reveal', async () => {
    expect((await api(gridWorker).post(`/api/people/${f.a.person.id}/reveal`)).statusCode).toBe(403);
  });
});

describe('registering people', () => {
  const base = () => ({ name: '新登记', territoryId: f.a.building.id, room: '201' });

  it('registers a person with a valid ID number and audits it without the numbers', async () => {
    const id = idNumber(777_002, 'male');
    const res = await api(gridWorker).post('/api/people', { ...base(), idNumber: id, phone: '13811112222' });
    expect(res.statusCode).toBe(201);
    const [record] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, res.json().id));
    expect(record!.action).toBe('person.create');
    expect(JSON.stringify(record!.after)).not.toContain(id);
    expect(JSON.stringify(record!.after)).not.toContain('13811112222');
  });

  it('refuses an ID number whose GB 11643 check digit is wrong, naming idNumber, in the caller\'s language', async () => {
    const good = idNumber(777_003, 'female');
    const wrongCheck = good.slice(0, 17) + (idCheckChar(good.slice(0, 17)) === '0' ? '1' : '0');
    const res = await api(gridWorker).post('/api/people', { ...base(), idNumber: wrongCheck }, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'idNumber', code: 'idNumber.invalid', message: expect.stringMatching(/GB 11643/) })]);
    const zh = await api(gridWorker).post('/api/people', { ...base(), idNumber: wrongCheck });
    expect(zh.json().errors[0].message).toMatch(/身份证号不正确/);
  });

  it('refuses an ID number already registered, and a bad phone', async () => {
    const dup = await api(gridWorker).post('/api/people', { ...base(), idNumber: ID });
    expect(dup.json().errors[0]).toMatchObject({ field: 'idNumber', code: 'idNumber.duplicate' });
    const phone = await api(gridWorker).post('/api/people', { ...base(), idNumber: idNumber(777_004, 'male'), phone: '12345' });
    expect(phone.json().errors[0]).toMatchObject({ field: 'phone', code: 'phone.invalid' });
  });

  it('refuses to register someone outside the caller\'s territory', async () => {
    const res = await api(gridWorker).post('/api/people', { ...base(), territoryId: f.b.building.id, idNumber: idNumber(777_005, 'male') });
    expect(res.statusCode).toBe(404);
  });
});
