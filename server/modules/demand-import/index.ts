import type { Module } from '../../core/context.ts';
import { demandImportRoutes } from './routes.ts';

export const demandImportModule: Module = { name: 'demand-import', routes: demandImportRoutes };
