import { type Case, both } from '../../test/authz.ts';

/** This module's routes in the authorization matrix (the audit log and its chain check): each route × role × inside/outside. */
export const auditCases: Record<string, Case> = {
  'GET /api/audit': both((s) => ({ method: 'GET', url: `/api/audit?territoryId=${s.building.id}`, at: s.building, denied: [404] })),
  'GET /api/audit/verify': { inside: () => ({ method: 'GET', url: '/api/audit/verify' }) },
};
