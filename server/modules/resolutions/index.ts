// Resolutions (决议): published with an objection channel, tracked to done, carried back to the review meeting when overdue.
// Serves the study's call that what meetings decide be made public and implemented under the residents' eyes (§自治引领 2–4).
import type { Module } from '../../core/context.ts';
import { resolutionsRoutes } from './routes.ts';

export const resolutionsModule: Module = { name: 'resolutions', routes: resolutionsRoutes };
