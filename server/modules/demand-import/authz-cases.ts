import { type Case, both } from '../../test/authz.ts';
import { csvOf, orderUpload } from './fixtures.ts';

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const demandImportCases: Record<string, Case> = {
  'POST /api/demands/import/preview': {
    inside: () => ({ method: 'POST', url: '/api/demands/import/preview', ...orderUpload(csvOf([['PV-1', '2026-03-01 09:00', '电梯故障', '电梯停运', '', '', '', '']])) }),
  },
  // Each probe brings a new order number, so "allowed" always means created; an order of street B is a bad row, and alone it is refused.
  'POST /api/demands/import': both((s, f) => ({
    method: 'POST', url: '/api/demands/import', at: s.community, denied: [422],
    ...orderUpload(csvOf([[`MX-${f.n()}`, '2026-03-01 09:00', '电梯故障', '电梯停运', s.community.code!, '', '', '']])),
  })),
};
