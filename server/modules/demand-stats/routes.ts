import type { App, AppContext } from '../../core/context.ts';

export function demandStatsRoutes(_app: App, _ctx: AppContext) {}
