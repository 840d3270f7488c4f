import type { App, AppContext } from '../../core/context.ts';

export function notificationsRoutes(_app: App, _ctx: AppContext) {}
