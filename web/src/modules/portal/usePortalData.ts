import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useSession } from '../../app/auth';
import { BODY_KINDS, type BodyRow, Grant, Items, PersonDetail, TerritoryDetail, TerritoryNode } from '../../app/types';

export interface PortalData {
  loading: boolean;
  grant: Grant | null;
  node: TerritoryDetail | null;
  /** The neighbourhood or village the grant sits in (or the grant node itself). */
  community: TerritoryNode | null;
  bodies: BodyRow[] | null;
  person: PersonDetail | null;
  error: unknown;
}

const COMMUNITY_KINDS = ['neighborhood', 'village'];

/** Party organisations first, then the committees, in the glossary's order. */
function sortBodies(items: BodyRow[]): BodyRow[] {
  return [...items].sort((a, b) => BODY_KINDS.indexOf(a.kind) - BODY_KINDS.indexOf(b.kind));
}

/** Everything the portal shows, read only from endpoints the caller may use; a refused one is left out. */
export function usePortalData(): PortalData {
  const session = useSession();
  const grant = session.grants.find((g) => g.role === 'resident' || g.role === 'party_member') ?? session.grants[0] ?? null;
  const personId = session.account.personId ?? null;
  const [state, setState] = useState<PortalData>({ loading: true, grant, node: null, community: null, bodies: null, person: null, error: undefined });

  useEffect(() => {
    if (!grant) {
      setState((s) => ({ ...s, loading: false }));
      return;
    }
    let live = true;
    (async () => {
      try {
        const node = await api<TerritoryDetail>(`/api/territories/${grant.territoryId}`);
        const chain: TerritoryNode[] = [...node.ancestors, node];
        const community = [...chain].reverse().find((n) => COMMUNITY_KINDS.includes(n.kind)) ?? node;
        const [bodies, person] = await Promise.all([
          api<Items<BodyRow>>('/api/bodies', { query: { territoryId: community.id, subtree: 'false' } }).then((r) => sortBodies(r.items)).catch(() => null),
          personId ? api<{ person: PersonDetail | null }>('/api/me').then((r) => r.person).catch(() => null) : Promise.resolve(null),
        ]);
        if (live) setState({ loading: false, grant, node, community, bodies, person, error: undefined });
      } catch (error) {
        if (live) setState((s) => ({ ...s, loading: false, error }));
      }
    })();
    return () => {
      live = false;
    };
  }, [grant?.territoryId, personId]);
  return state;
}
