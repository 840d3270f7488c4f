import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demand } from '../../db/schema/demands.ts';
import { makeNode } from '../../demo/factories.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { makeDemand } from './fixtures.ts';

let t: TestContext;
let f: TwoStreets;
let district: RoleAccount;
let gridA: RoleAccount;
let gridB: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  district = await accountFor(t, 'district_admin', f.district, 'district');
  gridA = await accountFor(t, 'grid_worker', f.a.grid, 'grid-a');
  gridB = await accountFor(t, 'grid_worker', f.b.grid, 'grid-b');
});
afterAll(() => t.close());

const rowOf = async (id: string) => (await t.db.select().from(demand).where(eq(demand.id, id)))[0]!;

describe('demands follow their place when the tree changes', () => {
  it('moves a building\'s demands to the new grid, community and street, and their sight with them', async () => {
    const building = await makeNode(t.db, f.a.grid, 'building', '甲3号楼', 'T-A-B3');
    const room = await makeDemand(t, { at: building, districtId: f.district.id });
    const stays = await makeDemand(t, { at: f.a.building, districtId: f.district.id });
    expect((await as(t.app, gridA.session).get(`/api/demands/${room.id}`)).statusCode).toBe(200);

    const moved = await as(t.app, district.session).post(`/api/territories/${building.id}/move`, { parentId: f.b.grid.id });
    expect(moved.statusCode).toBe(200);
    const after = await rowOf(room.id);
    expect(after).toMatchObject({
      path: `${f.b.grid.path}${building.id}/`, gridId: f.b.grid.id, communityId: f.b.community.id, streetId: f.b.street.id, territoryId: building.id,
    });
    expect((await rowOf(stays.id)).path).toBe(f.a.building.path);
    expect((await as(t.app, gridA.session).get(`/api/demands/${room.id}`)).statusCode).toBe(404);
    const seen = await as(t.app, gridB.session).get(`/api/demands/${room.id}`);
    expect(seen.json()).toMatchObject({ community: { id: f.b.community.id }, grid: { id: f.b.grid.id } });
  });

  it('keeps the grid of demands inside a moved grid, and gives them the new street', async () => {
    const grid = await makeNode(t.db, f.a.community, 'grid', '甲第二网格', 'T-A-G2');
    const d = await makeDemand(t, { at: grid, districtId: f.district.id });
    await as(t.app, district.session).post(`/api/territories/${grid.id}/move`, { parentId: f.b.community.id });
    expect(await rowOf(d.id)).toMatchObject({ path: `${f.b.community.path}${grid.id}/`, gridId: grid.id, communityId: f.b.community.id, streetId: f.b.street.id });
  });
});
