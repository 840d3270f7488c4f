import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../../app/auth';
import type { DemandLevel } from '../shared/types';

export type QuickTab = 'pending' | 'working' | 'overdue' | 'escalated' | 'all';
export const FILTER_KEYS = ['state', 'categoryId', 'territoryId', 'level', 'channel', 'q', 'overdue'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The states a demand is being worked in: accepted, assigned to a body, or started; the tab lists all three, or one. */
export const WORKING_STATES = ['accepted', 'assigned', 'in_progress'] as const;

/** The level escalated demands reach for this account: a street cadre takes the community's whistles, the district the street's. */
export function useEscalationLevel(): DemandLevel | null {
  const session = useSession();
  return useMemo(() => {
    const roles = session.grants.map((g) => g.role);
    if (roles.includes('street_admin')) return 'street';
    if (roles.includes('district_admin')) return 'district';
    return null;
  }, [session]);
}

/** List filters live in the address, so a reload, the back button or a shared link keep them. */
export function useDemandFilters() {
  const [params, setParams] = useSearchParams();
  const escalation = useEscalationLevel();
  const tab = (params.get('tab') as QuickTab | null) ?? (escalation ? 'escalated' : 'pending');
  const page = Number(params.get('page') ?? 1) || 1;
  const filters = useMemo(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Record<FilterKey, string | undefined>, [params]);

  const query = useMemo(() => {
    const q: Record<string, string | number | undefined> = { ...filters, page, pageSize: 20 };
    if (tab === 'pending') q.state = 'submitted';
    if (tab === 'working' && !WORKING_STATES.some((w) => w === q.state)) q.state = WORKING_STATES.join(',');
    if (tab === 'overdue') q.overdue = 'true';
    if (tab === 'escalated' && escalation) q.level = escalation;
    return q;
  }, [filters, page, tab, escalation]);

  const update = useCallback(
    (changes: Partial<Record<FilterKey | 'tab' | 'page', string | number | undefined>>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      }, { replace: true });
    },
    [setParams],
  );

  return { tab, page, filters, query, escalation, update };
}
