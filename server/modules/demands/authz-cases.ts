import { storeFile } from '../../core/files.ts';
import { demandPhoto } from '../../db/schema/demands.ts';
import { makeBody } from '../../demo/factories.ts';
import type { Case, Fixture } from '../../test/authz.ts';
import { both } from '../../test/authz.ts';
import { TINY_PNG, photoUpload } from '../../test/members.ts';
import type { RoleAccount, Street } from '../../test/two-streets.ts';
import { categoryOf, makeDemand } from './fixtures.ts';

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

/**
 * A demand at the street's building. Inside street A it is the caller's own — reported by their
 * person, entered by their account — so residents and deputies reach it as staff do; in street B
 * it is a stranger's.
 */
function demandAt(s: Street, f: Fixture, as: RoleAccount, set?: Parameters<typeof makeDemand>[1]['set']) {
  const own = s === f.a;
  return makeDemand(f.t, {
    at: s.building, districtId: f.district.id, set,
    reporterPersonId: own ? (as.personId ?? s.person.id) : s.person.id,
    createdBy: own ? as.accountId : null,
  });
}

const at = (s: Street) => s.building;

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const demandsCases: Record<string, Case> = {
  'GET /api/demand-categories': { inside: () => ({ method: 'GET', url: '/api/demand-categories' }) },
  'POST /api/demands': both(async (s, f) => ({
    method: 'POST', url: '/api/demands', at: at(s),
    payload: { categoryId: (await categoryOf(f.t, f.district.id, 'other')).id, description: '楼道堆物影响通行', territoryId: s.building.id },
  })),
  'GET /api/demands': {
    inside: () => ({ method: 'GET', url: '/api/demands' }),
    outside: async (f, as) => ({ method: 'GET', url: '/api/demands?pageSize=100', at: f.b.street, hides: [(await demandAt(f.b, f, as)).id] }),
  },
  'GET /api/demands/:id': both(async (s, f, as) => ({ method: 'GET', url: `/api/demands/${(await demandAt(s, f, as)).id}`, at: at(s) })),
  'POST /api/demands/:id/photos': both(async (s, f, as) => ({
    method: 'POST', url: `/api/demands/${(await demandAt(s, f, as)).id}/photos`, at: at(s), ...photoUpload(TINY_PNG),
  })),
  'GET /api/demands/:id/photos/:photoId': both(async (s, f, as) => {
    const d = await demandAt(s, f, as);
    const [p] = await f.t.db.insert(demandPhoto).values({ demandId: d.id, stage: 'report', path: await storeFile(f.t.config.GONGZHI_DATA_DIR, TINY_PNG, 'png') }).returning();
    return { method: 'GET', url: `/api/demands/${d.id}/photos/${p!.id}`, at: at(s) };
  }),
  'POST /api/demands/:id/accept': both(async (s, f, as) => ({ method: 'POST', url: `/api/demands/${(await demandAt(s, f, as)).id}/accept`, at: at(s) })),
  'POST /api/demands/:id/reject': both(async (s, f, as) => ({
    method: 'POST', url: `/api/demands/${(await demandAt(s, f, as)).id}/reject`, payload: { reason: '不属于受理范围' }, at: at(s),
  })),
  'GET /api/demands/:id/handlers': both(async (s, f, as) => ({ method: 'GET', url: `/api/demands/${(await demandAt(s, f, as)).id}/handlers`, at: at(s) })),
  'POST /api/demands/:id/assign': both(async (s, f, as) => {
    const company = await makeBody(f.t.db, s.community, 'property_company', `物业${f.n()}`);
    const d = await demandAt(s, f, as, { state: 'accepted', acceptedAt: new Date() });
    return { method: 'POST', url: `/api/demands/${d.id}/assign`, payload: { bodyId: company.id }, at: at(s) };
  }),
  'POST /api/demands/:id/start': both(async (s, f, as) => ({
    method: 'POST', url: `/api/demands/${(await demandAt(s, f, as, { state: 'accepted', acceptedAt: new Date() })).id}/start`, at: at(s),
  })),
  'POST /api/demands/:id/resolve': both(async (s, f, as) => ({
    method: 'POST', url: `/api/demands/${(await demandAt(s, f, as, { state: 'in_progress', acceptedAt: new Date() })).id}/resolve`,
    payload: { note: '已清理' }, at: at(s),
  })),
  'POST /api/demands/:id/rate': both(async (s, f, as) => ({
    method: 'POST', url: `/api/demands/${(await demandAt(s, f, as, { state: 'resolved', resolvedAt: new Date() })).id}/rate`,
    payload: { rating: 'satisfied' }, at: at(s),
  })),
  'POST /api/demands/:id/close': both(async (s, f, as) => ({
    method: 'POST', url: `/api/demands/${(await demandAt(s, f, as, { state: 'resolved', resolvedAt: daysAgo(8) })).id}/close`, at: at(s),
  })),
  'POST /api/demands/:id/notes': both(async (s, f, as) => ({
    method: 'POST', url: `/api/demands/${(await demandAt(s, f, as)).id}/notes`, payload: { note: '已电话联系' }, at: at(s),
  })),
  'POST /api/demands/:id/merge': both(async (s, f, as) => {
    const into = await demandAt(s, f, as);
    return { method: 'POST', url: `/api/demands/${(await demandAt(s, f, as)).id}/merge`, payload: { intoId: into.id }, at: at(s) };
  }),
  'POST /api/demands/:id/links': both(async (s, f, as) => ({
    method: 'POST', url: `/api/demands/${(await demandAt(s, f, as)).id}/links`, payload: { targetType: 'project', targetId: `P-${f.n()}` }, at: at(s),
  })),
};
