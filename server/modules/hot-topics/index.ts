import type { Module } from '../../core/context.ts';
import { hotTopicsRoutes } from './routes.ts';

export const hotTopicsModule: Module = { name: 'hot-topics', routes: hotTopicsRoutes };
