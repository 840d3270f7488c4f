// The district points platform: an append-only ledger, versioned rules, balances, rankings, star levels and corrections.
// Serves the study's call for a district-level points platform managing members' incentives by points (§共治引领3).
import type { Module } from '../../core/context.ts';
import { pointsRoutes } from './routes.ts';

export const pointsModule: Module = { name: 'points', routes: pointsRoutes };
