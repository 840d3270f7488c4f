import type { Module } from '../../core/context.ts';
import { notificationsRoutes } from './routes.ts';

export const notificationsModule: Module = { name: 'notifications', routes: notificationsRoutes };
