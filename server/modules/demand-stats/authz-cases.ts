import { type Case, both } from '../../test/authz.ts';

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const demandStatsCases: Record<string, Case> = {
  'GET /api/demand-stats': both((s) => ({ method: 'GET', url: `/api/demand-stats?territoryId=${s.community.id}`, at: s.community })),
};
