import type { App, AppContext } from '../../core/context.ts';

/** Excel import of rosters and export of lists. */
export function rosterRoutes(_app: App, _ctx: AppContext) {}
