// Accounts and grants of (person, role, node): who may act where, kept by the security administrator.
// Serves the study's "each party sees what is theirs" in one system (§共治引领3) under the three-administrator rule.
import type { Module } from '../../core/context.ts';
import { accountsRoutes } from './routes.ts';

export const accountsModule: Module = { name: 'accounts', routes: accountsRoutes };
