// Conventions and rules (自治公约, 议事规则, 管理规约): versioned per community or estate — drafted, put out for comment, adopted by a resolution or an owners' vote, published; any two versions compared.
// Serves the study's call for residents to make their own rules under the party organisation's lead (§自治引领 3–4).
import type { Module } from '../../core/context.ts';
import { chartersRoutes } from './routes.ts';

export const chartersModule: Module = { name: 'charters', routes: chartersRoutes };
