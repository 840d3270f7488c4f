/** Every module's authorization cases, for the matrix in server/core/authz-matrix.test.ts. */
import type { Case } from './authz.ts';
import { notificationsCases } from '../modules/notifications/authz-cases.ts';
import { demandsCases } from '../modules/demands/authz-cases.ts';
import { demandDeadlinesCases } from '../modules/demand-deadlines/authz-cases.ts';
import { demandImportCases } from '../modules/demand-import/authz-cases.ts';
import { demandStatsCases } from '../modules/demand-stats/authz-cases.ts';
import { hotTopicsCases } from '../modules/hot-topics/authz-cases.ts';
import { open311Cases } from '../modules/open311/authz-cases.ts';
import { votingCases } from '../modules/voting/authz-cases.ts';
import { agendaCases } from '../modules/agenda/authz-cases.ts';
import { meetingsCases } from '../modules/meetings/authz-cases.ts';
import { resolutionsCases } from '../modules/resolutions/authz-cases.ts';
import { cogovCases } from '../modules/cogov/authz-cases.ts';
import { chartersCases } from '../modules/charters/authz-cases.ts';
import { mediationCases } from '../modules/mediation/authz-cases.ts';
import { territoryCases } from '../modules/territory/authz-cases.ts';
import { accountsCases } from '../modules/accounts/authz-cases.ts';
import { registrationsCases } from '../modules/registrations/authz-cases.ts';
import { pointsCases } from '../modules/points/authz-cases.ts';
import { auditCases } from '../modules/audit/authz-cases.ts';
import { activitiesCases } from '../modules/activities/authz-cases.ts';

export const moduleCases: Record<string, Case> = {
  ...notificationsCases,
  ...demandsCases,
  ...demandDeadlinesCases,
  ...demandImportCases,
  ...demandStatsCases,
  ...hotTopicsCases,
  ...open311Cases,
  ...votingCases,
  ...agendaCases,
  ...meetingsCases,
  ...resolutionsCases,
  ...cogovCases,
  ...chartersCases,
  ...mediationCases,
  ...territoryCases,
  ...accountsCases,
  ...registrationsCases,
  ...pointsCases,
  ...auditCases,
  ...activitiesCases,
};

/**
 * Routes open without a login, besides the platform's own (login, health, OpenAPI): each must
 * guard itself (an Open311 `api_key`, an anonymised public list).
 */
export const modulePublicRoutes: string[] = ['GET /api/public/demands', 'GET /api/system/map', 'POST /api/vote-matters/:id/receipt-check'];
