import type { Role } from '../../db/schema/accounts.ts';
import type { ActorGrant } from '../../core/policy.ts';

/** The page made for a role: each role lands where its daily work is. */
export function homeFor(grant: ActorGrant | undefined): string {
  if (!grant) return '/console/security';
  const byRole: Record<Role, string> = {
    district_admin: '/console/overview',
    street_admin: '/console/overview',
    community_secretary: `/console/territory/${grant.territoryId}`,
    community_worker: `/console/territory/${grant.territoryId}`,
    grid_worker: `/console/territory/${grant.territoryId}`,
    deputy: `/console/territory/${grant.territoryId}`,
    unit_liaison: '/console/bodies?mine=1',
    resident: '/m',
    party_member: '/m',
    sysadmin: '/console/system',
    secadmin: '/console/accounts',
    auditor: '/console/audit',
  };
  return byRole[grant.role];
}
