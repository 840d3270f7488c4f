// Organisations attached to the tree — party organisations, committees, companies, units — and who holds which position.
// Serves the study's organisational element: party organisations leading the other bodies of a community (§组织要素1).
import type { Module } from '../../core/context.ts';
import { bodiesRoutes } from './routes.ts';

export const bodiesModule: Module = { name: 'bodies', routes: bodiesRoutes };
