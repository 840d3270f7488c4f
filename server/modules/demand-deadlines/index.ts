/**
 * Deadlines of residents' demands in working days, reminders, escalation up the tree and 吹哨报到,
 * categories and the working calendar (study §内涵, §价值要素2: answering residents' demands in time).
 */
import type { Module } from '../../core/context.ts';
import { demandDeadlinesRoutes } from './routes.ts';

export const demandDeadlinesModule: Module = { name: 'demand-deadlines', routes: demandDeadlinesRoutes };
