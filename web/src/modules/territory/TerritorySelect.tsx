import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { Items, TerritoryNode } from '../../app/types';

interface Props {
  value?: string;
  onChange?: (id: string | undefined, node?: TerritoryNode) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
  allowClear?: boolean;
  /** Options shown before the user types, e.g. the caller's grant nodes. */
  initial?: TerritoryNode[];
}

/** Picks a node by typing its name or official code (searches within the caller's scope). */
export function TerritorySelect({ value, onChange, placeholder, style, testId, allowClear = true, initial }: Props) {
  const { t, tx } = useI18n();
  const [options, setOptions] = useState<TerritoryNode[]>(initial ?? []);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<number>(undefined);

  useEffect(() => {
    if (initial && !options.length) setOptions(initial);
  }, [initial, options.length]);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = window.setTimeout(async () => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const res = await api<Items<TerritoryNode>>('/api/territories', { query: { q: q.trim() } });
        if (mine === seq.current) setOptions(res.items);
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
      allowClear={allowClear}
      value={value}
      placeholder={placeholder ?? t('territory.pickNode')}
      aria-label={placeholder ?? t('territory.pickNode')}
      data-testid={testId}
      notFoundContent={loading ? <Spin size="small" /> : null}
      style={{ minWidth: 220, ...style }}
      onChange={(id: string | undefined) => onChange?.(id, options.find((o) => o.id === id))}
      options={options.map((n) => ({
        value: n.id,
        label: `${n.name} · ${tx('kind', n.kind)}${n.code ? ` · ${n.code}` : ''}`,
      }))}
    />
  );
}
