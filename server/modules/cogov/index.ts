// Propose → consult → review (提议—商议—评议): co-governance matters through the community committee, the regional joint conference and the representative assembly.
// Serves the study's co-governance pipeline across the three bodies (§共治引领 1–2).
import type { Module } from '../../core/context.ts';
import { cogovRoutes } from './routes.ts';

export const cogovModule: Module = { name: 'cogov', routes: cogovRoutes };
