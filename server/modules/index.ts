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
import { notificationsModule } from './notifications/index.ts';
import { demandsModule } from './demands/index.ts';
import { demandDeadlinesModule } from './demand-deadlines/index.ts';
import { demandImportModule } from './demand-import/index.ts';
import { demandStatsModule } from './demand-stats/index.ts';
import { hotTopicsModule } from './hot-topics/index.ts';
import { open311Module } from './open311/index.ts';
import { votingModule } from './voting/index.ts';
import { agendaModule } from './agenda/index.ts';
import { meetingsModule } from './meetings/index.ts';
import { resolutionsModule } from './resolutions/index.ts';
import { cogovModule } from './cogov/index.ts';
import { chartersModule } from './charters/index.ts';
import { mediationModule } from './mediation/index.ts';

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
  notificationsModule,
  demandsModule,
  demandDeadlinesModule,
  demandImportModule,
  demandStatsModule,
  hotTopicsModule,
  open311Module,
  votingModule,
  agendaModule,
  meetingsModule,
  resolutionsModule,
  cogovModule,
  chartersModule,
  mediationModule,
];
