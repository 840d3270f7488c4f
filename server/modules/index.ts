import type { Module } from '../core/context.ts';
import { accountsModule } from './accounts/index.ts';
import { activitiesModule } from './activities/index.ts';
import { auditModule } from './audit/index.ts';
import { authModule } from './auth/index.ts';
import { bodiesModule } from './bodies/index.ts';
import { peopleModule } from './people/index.ts';
import { pointsModule } from './points/index.ts';
import { registrationsModule } from './registrations/index.ts';
import { systemModule } from './system/index.ts';
import { territoryModule } from './territory/index.ts';
import { wishesModule } from './wishes/index.ts';

/** The platform: every module registers here and nowhere else. */
export const modules: Module[] = [
  systemModule,
  authModule,
  territoryModule,
  bodiesModule,
  peopleModule,
  accountsModule,
  auditModule,
  activitiesModule,
  wishesModule,
  registrationsModule,
  pointsModule,
];
