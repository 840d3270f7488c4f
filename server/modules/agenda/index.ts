// Agenda items (议题): proposed by residents, committees, the party organisation or from a demand; reviewed before any meeting.
// Serves the study's agenda control by the party organisation in self-governance (§自治引领 1–2).
import type { Module } from '../../core/context.ts';
import { agendaRoutes } from './routes.ts';

export const agendaModule: Module = { name: 'agenda', routes: agendaRoutes };
