import type { App, AppContext } from '../../core/context.ts';

export function demandDeadlinesRoutes(_app: App, _ctx: AppContext) {}
