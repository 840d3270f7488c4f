// The service catalogue, activities with sign-up within capacity and check-in by a rotating venue code.
// Serves the study's call for a catalogue of services in-service members give their home community (§共治引领3).
import type { App, AppContext, Module } from '../../core/context.ts';
import { attendanceRoutes } from './attendance-routes.ts';
import { catalogueRoutes } from './catalogue-routes.ts';
import { activityRoutes } from './routes.ts';

export const activitiesModule: Module = {
  name: 'activities',
  routes(app: App, ctx: AppContext) {
    catalogueRoutes(app, ctx);
    activityRoutes(app, ctx);
    attendanceRoutes(app, ctx);
  },
};
