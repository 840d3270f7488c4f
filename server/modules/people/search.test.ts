import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeHousehold, makeNode, makePerson } from '../../demo/factories.ts';
import { TEST_PASSWORD, type Session, type TestContext, as, createTestContext, login } from '../../test/harness.ts';

// The people list's q: a name prefix, a room number, limited to the caller's subtree.
let t: TestContext;
let admin: Session;
let streetId: string;
beforeAll(async () => {
  t = await createTestContext();
  const district = await makeNode(t.db, null, 'district', '测试区', 'S');
  const street = await makeNode(t.db, district, 'subdistrict', '甲街道', 'S-A');
  const other = await makeNode(t.db, district, 'subdistrict', '乙街道', 'S-B');
  const building = await makeNode(t.db, await makeNode(t.db, street, 'neighborhood', '甲居民区'), 'building', '1号楼');
  const elsewhere = await makeNode(t.db, await makeNode(t.db, other, 'neighborhood', '乙居民区'), 'building', '2号楼');
  const room = await makeHousehold(t.db, building, '1203');
  await makePerson(t.db, t.pii, building, { name: '王小明', householdId: room.id });
  await makePerson(t.db, t.pii, building, { name: '王芳' });
  await makePerson(t.db, t.pii, building, { name: '李王' });
  await makePerson(t.db, t.pii, elsewhere, { name: '王大锤', householdId: (await makeHousehold(t.db, elsewhere, '1203')).id });
  streetId = street.id;
  await makeAccount(t.db, { username: 'street', password: TEST_PASSWORD, grants: [{ role: 'street_admin', territoryId: street.id }] });
  admin = await login(t.app, 'street', TEST_PASSWORD);
});
afterAll(() => t.close());

const names = (res: { json(): { items: { name: string }[]; total: number } }) => res.json().items.map((p) => p.name).sort();

describe('people search', () => {
  it('finds names starting with the text, only inside the caller\'s street', async () => {
    const res = await as(t.app, admin).get(`/api/people?territoryId=${streetId}&q=${encodeURIComponent('王')}`);
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual(['王小明', '王芳']);
    expect(res.json().total).toBe(2);
  });

  it('finds the residents of a room by its number', async () => {
    const res = await as(t.app, admin).get('/api/people?q=1203');
    expect(names(res)).toEqual(['王小明']);
  });
});
