import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/policy.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { makeDemand } from './fixtures.ts';
import { TOTAL_CAP, listDemands } from './queries.ts';

let t: TestContext;
let f: TwoStreets;
let streetB: RoleAccount;
let streetA: RoleAccount;
let workerB: RoleAccount;
const made: string[] = [];

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  streetA = await accountFor(t, 'street_admin', f.a.street, 'street-a');
  streetB = await accountFor(t, 'street_admin', f.b.street, 'street-b');
  workerB = await accountFor(t, 'community_worker', f.b.community, 'worker-b');
  for (let i = 0; i < 4; i++) made.push((await makeDemand(t, { at: f.b.grid, districtId: f.district.id, category: 'parking', description: `第${i}辆车占了消防通道` })).id);
});
afterAll(() => t.close());

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((d) => d.id).sort();

/** The street administrator of B as the list sees them. */
const streetBActor = (): Actor => ({
  accountId: streetB.accountId, username: 'street-b', displayName: 'street-b', personId: null, ip: '127.0.0.1', role: 'street_admin',
  grants: [{ id: 'g', role: 'street_admin', territoryId: f.b.street.id, path: f.b.street.path }],
});

describe('the demand list total', () => {
  it('counts up to the cap and says when there are more', async () => {
    const q = { territoryId: f.b.street.id, page: 1, pageSize: 2 };
    const over = await listDemands(t.db, t.pii, streetBActor(), q, 3);
    expect(over).toMatchObject({ total: 3, totalCapped: true });
    expect(over.items).toHaveLength(2);
    const exact = await listDemands(t.db, t.pii, streetBActor(), q, 4);
    expect(exact).toMatchObject({ total: 4, totalCapped: false });
    expect(TOTAL_CAP).toBe(10_000);
  });

  it('answers the same list for a street, a community and a grid, with totalCapped false below the cap', async () => {
    for (const node of [f.b.street, f.b.community, f.b.grid]) {
      const res = await as(t.app, streetB.session).get(`/api/demands?territoryId=${node.id}&pageSize=100`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ total: 4, totalCapped: false });
      expect(ids(res)).toEqual([...made].sort());
    }
    const worker = await as(t.app, workerB.session).get(`/api/demands?territoryId=${f.b.street.id}&pageSize=100`);
    expect(ids(worker)).toEqual([...made].sort());
  });

  it("keeps the caller's sight when the node is outside it", async () => {
    const res = await as(t.app, streetA.session).get(`/api/demands?territoryId=${f.b.street.id}`);
    expect(res.json()).toMatchObject({ items: [], total: 0, totalCapped: false });
  });
});
