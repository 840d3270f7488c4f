// Micro-wishes (微心愿): residents' small wishes, reviewed, claimed by one member, fulfilled with a photo, confirmed.
// Serves the study's call for wider channels for party members to take up public-welfare work (§共治引领3, §价值引领3).
import type { Module } from '../../core/context.ts';
import { wishesRoutes } from './routes.ts';

export const wishesModule: Module = { name: 'wishes', routes: wishesRoutes };
