import { useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { Page, PersonRow } from '../../app/types';

/** Finds a person by name within the caller's scope; the masked phone tells namesakes apart. */
export function PersonPicker({ value, onChange, territoryId }: { value?: string; onChange?: (id: string) => void; territoryId?: string }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<PersonRow[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number>(undefined);
  const seq = useRef(0);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = window.setTimeout(async () => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const res = await api<Page<PersonRow>>('/api/people', { query: { q: q.trim(), territoryId, pageSize: 20 } });
        if (mine === seq.current) setOptions(res.items);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, 250);
  };

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={onChange}
      placeholder={t('bodies.personSearch')}
      aria-label={t('bodies.person')}
      data-testid="person-picker"
      notFoundContent={loading ? <Spin size="small" /> : null}
      style={{ width: '100%' }}
      options={options.map((p) => ({
        value: p.id,
        label: `${p.name} · ${p.territoryName}${p.room ? ` ${p.room}` : ''} · ${p.phone ?? ''}`,
      }))}
    />
  );
}
