import type { Module } from '../../core/context.ts';
import { demandsRoutes } from './routes.ts';

export const demandsModule: Module = { name: 'demands', routes: demandsRoutes };
