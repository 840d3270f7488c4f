// Dual registration of in-service party members and registration of resident units' party organisations, with the figures streets and the district watch.
// Serves the study's strict dual registration of in-service party members (§共治引领3) and the weakness it answers: members' low enthusiasm (§不足).
import type { Module } from '../../core/context.ts';
import { registrationsRoutes } from './routes.ts';

export const registrationsModule: Module = { name: 'registrations', routes: registrationsRoutes };
