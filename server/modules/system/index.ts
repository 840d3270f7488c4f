// Health, version and installation facts for the system administrator.
// Serves the district-level platform's operation (§共治引领3).
import type { Module } from '../../core/context.ts';
import { systemRoutes } from './routes.ts';

export const systemModule: Module = { name: 'system', routes: systemRoutes };
