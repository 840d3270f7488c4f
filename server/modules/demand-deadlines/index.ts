import type { Module } from '../../core/context.ts';
import { demandDeadlinesRoutes } from './routes.ts';

export const demandDeadlinesModule: Module = { name: 'demand-deadlines', routes: demandDeadlinesRoutes };
