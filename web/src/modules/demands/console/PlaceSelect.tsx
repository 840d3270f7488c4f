import { useMemo } from 'react';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import type { Items, TerritoryNode } from '../../../app/types';
import { RemoteSelect } from '../../../app/ui/RemoteSelect';

/** A demand happens somewhere in a community: the community itself, an area, a grid or a building. */
export const PLACE_KINDS = ['neighborhood', 'village', 'area', 'grid', 'building'];

const findPlaces = async (q: string) =>
  (await api<Items<TerritoryNode>>('/api/territories', { query: { q } })).items.filter((n) => PLACE_KINDS.includes(n.kind) && !n.retired);

/** Picks the place of a demand by name or code among the nodes at community level and below in the caller's scope. */
export function PlaceSelect({ value, onChange, initial }: { value?: string; onChange?: (id: string | undefined) => void; initial: TerritoryNode[] }) {
  const { t, tx } = useI18n();
  const places = useMemo(() => initial.filter((n) => PLACE_KINDS.includes(n.kind)), [initial]);
  return (
    <RemoteSelect
      find={findPlaces}
      toOption={(n) => ({ value: n.id, label: `${n.name} · ${tx('kind', n.kind)}${n.code ? ` · ${n.code}` : ''}` })}
      initial={places}
      allowClear
      value={value}
      onChange={(id) => onChange?.(id)}
      placeholder={t('dc.placeSearch')}
      testId="demand-form-place"
      style={{ width: '100%' }}
    />
  );
}
