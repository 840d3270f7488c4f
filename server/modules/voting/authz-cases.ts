import { type Case, type Fixture, both } from '../../test/authz.ts';
import type { RoleAccount, Street } from '../../test/two-streets.ts';
import { makeEstate, makeMatter, registerUpload } from './test-data.ts';

/** An estate on the street's community: the street's resident owns a flat, the caller's own person another. */
async function estateOf(f: Fixture, s: Street, as?: RoleAccount) {
  const owners = [{ name: '业主甲', units: [[`1-${f.n()}`, 9_000]] as [string, number][], personId: s.person.id }];
  if (as?.personId && as.personId !== s.person.id) owners.push({ name: '业主乙', units: [[`2-${f.n()}`, 8_000]], personId: as.personId });
  return makeEstate(f.t.db, f.t.pii, s.community, owners);
}

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const votingCases: Record<string, Case> = {
  'GET /api/estates': {
    inside: (f) => ({ method: 'GET', url: `/api/estates?territoryId=${f.a.community.id}` }),
    outside: async (f) => ({ method: 'GET', url: '/api/estates', at: f.b.community, hides: [(await estateOf(f, f.b)).estate.id] }),
  },
  'POST /api/estates': both((s, f) => ({ method: 'POST', url: '/api/estates', payload: { territoryId: s.community.id, name: `小区${f.n()}` }, at: s.community })),
  'GET /api/estates/:id': both(async (s, f) => ({ method: 'GET', url: `/api/estates/${(await estateOf(f, s)).estate.id}`, at: s.community })),
  'GET /api/estates/:id/units': both(async (s, f) => ({ method: 'GET', url: `/api/estates/${(await estateOf(f, s)).estate.id}/units`, at: s.community })),
  'GET /api/estates/:id/matters': both(async (s, f) => ({ method: 'GET', url: `/api/estates/${(await estateOf(f, s)).estate.id}/matters`, at: s.community })),
  'POST /api/estates/:id/matters': both(async (s, f) => ({
    method: 'POST', url: `/api/estates/${(await estateOf(f, s)).estate.id}/matters`, payload: { kind: 'property_service', title: '续聘物业' }, at: s.community,
  })),
  'POST /api/estates/:id/owners/import': both(async (s, f) => ({
    method: 'POST', url: `/api/estates/${(await estateOf(f, s)).estate.id}/owners/import`, at: s.community, ...(await registerUpload([['1号楼101', '王小明', 'E12345678', '88.50', null, null, '否']])),
  })),
  'POST /api/vote-matters/:id/open': both(async (s, f) => {
    const m = await makeMatter(f.t.db, (await estateOf(f, s)).estate.id, { state: 'draft' });
    return { method: 'POST', url: `/api/vote-matters/${m.id}/open`, at: s.community };
  }),
  'POST /api/vote-matters/:id/close': both(async (s, f) => {
    const m = await makeMatter(f.t.db, (await estateOf(f, s)).estate.id);
    return { method: 'POST', url: `/api/vote-matters/${m.id}/close`, at: s.community };
  }),
  'GET /api/vote-matters/:id/tally': both(async (s, f) => {
    const m = await makeMatter(f.t.db, (await estateOf(f, s)).estate.id);
    return { method: 'GET', url: `/api/vote-matters/${m.id}/tally`, at: s.community };
  }),
  // An owner votes on an estate above their home; in street B the caller's person is on the
  // register too, so only the territory refuses.
  'GET /api/my/vote-matters': {
    inside: () => ({ method: 'GET', url: '/api/my/vote-matters' }),
    outside: async (f, as) => {
      const m = await makeMatter(f.t.db, (await estateOf(f, f.b, as)).estate.id);
      return { method: 'GET', url: '/api/my/vote-matters', at: f.b.building, hides: [m.id] };
    },
  },
  'POST /api/vote-matters/:id/ballot': both(async (s, f, as) => {
    const m = await makeMatter(f.t.db, (await estateOf(f, s, as)).estate.id);
    return { method: 'POST', url: `/api/vote-matters/${m.id}/ballot`, payload: { choice: 'for' }, at: s.building };
  }),
};
