// Accounts' own doors: login, session, password, second factor.
// Serves the study's call for a platform each party sees its own part of (§共治引领3).
import type { Module } from '../../core/context.ts';
import { authRoutes } from './routes.ts';

export const authModule: Module = { name: 'auth', routes: authRoutes };
