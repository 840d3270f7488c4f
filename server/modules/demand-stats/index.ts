import type { Module } from '../../core/context.ts';
import { demandStatsRoutes } from './routes.ts';

export const demandStatsModule: Module = { name: 'demand-stats', routes: demandStatsRoutes };
