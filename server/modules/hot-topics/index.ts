// Hot-topic warnings (热点预警): words of residents' demands counted per community and street against each node's own baseline.
// Serves the study's call to answer hot events in time and to see what residents ask as a whole (§价值引领1, §内涵).
import type { Module } from '../../core/context.ts';
import { hotTopicsRoutes } from './routes.ts';

export const hotTopicsModule: Module = { name: 'hot-topics', routes: hotTopicsRoutes };
