// Mediation (矛盾调解): disputes between residents or with the property company, taken up by a mediator (the "老娘舅"), with sessions, a signed agreement and a follow-up visit; a case may start from a demand.
// Serves the study's passage on resolving conflicts where they arise under the party organisation's lead (§自治引领6).
import type { Module } from '../../core/context.ts';
import { mediationRoutes } from './routes.ts';

export const mediationModule: Module = { name: 'mediation', routes: mediationRoutes };
