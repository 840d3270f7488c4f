import { grant } from '../../db/schema/accounts.ts';
import { type Case, type Fixture, both } from '../../test/authz.ts';
import type { Street } from '../../test/two-streets.ts';

/** A grant of its own for each request, so revoking one always has one to revoke. */
async function freshGrant(f: Fixture, s: Street) {
  const [g] = await f.t.db.insert(grant).values({ accountId: f.target.accountId, role: 'resident', territoryId: s.building.id }).returning();
  return g!.id;
}

/** This module's routes in the authorization matrix (accounts and grants: the security administrator's, granted on nodes): each route × role × inside/outside. */
export const accountsCases: Record<string, Case> = {
  'GET /api/accounts': { inside: () => ({ method: 'GET', url: '/api/accounts' }) },
  'POST /api/accounts': { inside: (f) => ({ method: 'POST', url: '/api/accounts', payload: { username: `new-${f.n()}`, displayName: '新账号' } }) },
  'PATCH /api/accounts/:id': { inside: (f) => ({ method: 'PATCH', url: `/api/accounts/${f.target.accountId}`, payload: { displayName: '目标账号' } }) },
  'POST /api/accounts/:id/reset-password': { inside: (f) => ({ method: 'POST', url: `/api/accounts/${f.target.accountId}/reset-password` }) },
  'POST /api/accounts/:id/unlock': { inside: (f) => ({ method: 'POST', url: `/api/accounts/${f.target.accountId}/unlock` }) },
  'POST /api/grants': both((s, f) => ({
    method: 'POST', url: '/api/grants', payload: { accountId: f.target.accountId, role: 'resident', territoryId: s.building.id }, at: s.building, denied: [404],
  })),
  'DELETE /api/grants/:id': both(async (s, f) => ({ method: 'DELETE', url: `/api/grants/${await freshGrant(f, s)}`, at: s.building, denied: [404] })),
};
