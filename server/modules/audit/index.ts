// The tamper-evident record of every change and every full view of personal data, for the auditor.
// Serves the study's evaluation and constraint mechanism (§评价约束机制): what was done, by whom, is on record.
import type { Module } from '../../core/context.ts';
import { auditRoutes } from './routes.ts';

export const auditModule: Module = { name: 'audit', routes: auditRoutes };
