// People, households and rooms, with personal numbers encrypted, masked and revealed only on an audited request.
// Serves the grid work that knows every household (§组织引领2) and the rosters of party members (§人的要素).
import type { Module } from '../../core/context.ts';
import { peopleRoutes } from './routes.ts';

export const peopleModule: Module = { name: 'people', routes: peopleRoutes };
