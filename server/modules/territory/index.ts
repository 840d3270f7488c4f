// One territory tree from the district to the building, and the figures that roll up along it.
// Serves the three-level linkage down to grids and buildings (§组织要素, §组织引领2).
import type { Module } from '../../core/context.ts';
import { territoryRoutes } from './routes.ts';

export const territoryModule: Module = { name: 'territory', routes: territoryRoutes };
