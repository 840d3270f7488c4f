// Meetings (会议): four-in-one joint meetings, deliberation, hearings, reviews — notice, sign-in, quorum, minutes, decisions.
// Serves the study's meetings convened by the party organisation in self-governance (§自治引领 1–5, §共治引领 1–2).
import type { Module } from '../../core/context.ts';
import { meetingsRoutes } from './routes.ts';

export const meetingsModule: Module = { name: 'meetings', routes: meetingsRoutes };
