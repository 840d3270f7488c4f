import type { Case } from '../../test/authz.ts';

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const open311Cases: Record<string, Case> = {};
