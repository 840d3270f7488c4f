import type { App, AppContext } from '../../core/context.ts';

export function hotTopicsRoutes(_app: App, _ctx: AppContext) {}
