import { useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import type { Page } from '../../../app/types';
import type { DemandOut } from '../shared/types';

/** Finds the demand a duplicate goes into, by its number or words of its text. */
export function MergeTargetSelect({ value, onChange, excludeId }: { value?: string; onChange?: (id: string) => void; excludeId: string }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<DemandOut[]>([]);
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
        const res = await api<Page<DemandOut>>('/api/demands', { query: { q: q.trim(), pageSize: 10 } });
        if (mine === seq.current) setOptions(res.items.filter((d) => d.id !== excludeId && d.state !== 'merged'));
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
      value={value}
      onChange={onChange}
      placeholder={t('dc.mergeSearch')}
      data-testid="demand-merge-target"
      notFoundContent={loading ? <Spin size="small" /> : null}
      style={{ width: '100%' }}
      options={options.map((d) => ({ value: d.id, label: `${d.no} · ${d.title}` }))}
    />
  );
}
