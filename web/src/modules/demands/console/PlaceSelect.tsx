import { useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import type { Items, TerritoryNode } from '../../../app/types';

/** A demand happens somewhere in a community: the community itself, an area, a grid or a building. */
export const PLACE_KINDS = ['neighborhood', 'village', 'area', 'grid', 'building'];

/** Picks the place of a demand by name or code among the nodes at community level and below in the caller's scope. */
export function PlaceSelect({ value, onChange, initial }: { value?: string; onChange?: (id: string | undefined) => void; initial: TerritoryNode[] }) {
  const { t, tx } = useI18n();
  const [options, setOptions] = useState<TerritoryNode[]>(initial.filter((n) => PLACE_KINDS.includes(n.kind)));
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<number>(undefined);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = window.setTimeout(async () => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const res = await api<Items<TerritoryNode>>('/api/territories', { query: { q: q.trim() } });
        if (mine === seq.current) setOptions(res.items.filter((n) => PLACE_KINDS.includes(n.kind) && !n.retired));
      } catch {
        if (mine === seq.current) setOptions([]);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, 250);
  };

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value}
      onChange={onChange}
      placeholder={t('dc.placeSearch')}
      data-testid="demand-form-place"
      notFoundContent={loading ? <Spin size="small" /> : null}
      style={{ width: '100%' }}
      options={options.map((n) => ({ value: n.id, label: `${n.name} · ${tx('kind', n.kind)}${n.code ? ` · ${n.code}` : ''}` }))}
    />
  );
}
