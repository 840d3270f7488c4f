import type { App, AppContext } from '../../core/context.ts';

export function demandsRoutes(_app: App, _ctx: AppContext) {}
