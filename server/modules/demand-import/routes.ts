import type { App, AppContext } from '../../core/context.ts';

export function demandImportRoutes(_app: App, _ctx: AppContext) {}
