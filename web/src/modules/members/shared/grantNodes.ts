import { useMemo } from 'react';
import { useSession } from '../../../app/auth';
import type { Role, TerritoryNode } from '../../../app/types';

export const STAFF_ROLES: Role[] = ['community_secretary', 'community_worker'];
export const COMMUNITY_KINDS = ['neighborhood', 'village'];

/** The caller's grant nodes (optionally of some roles), as options for a territory picker. */
export function useGrantNodes(roles?: Role[]): TerritoryNode[] {
  const session = useSession();
  return useMemo(() => {
    const seen = new Set<string>();
    return session.grants
      .filter((g) => !roles || roles.includes(g.role))
      .filter((g) => !seen.has(g.territoryId) && seen.add(g.territoryId))
      .map((g) => ({ id: g.territoryId, parentId: null, code: g.territoryCode, name: g.territoryName, kind: g.territoryKind, retired: false, hasChildren: true }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, roles?.join()]);
}
