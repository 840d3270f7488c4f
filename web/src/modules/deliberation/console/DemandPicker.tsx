import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';

interface DemandHit {
  id: string;
  no: string;
  title: string;
}

/** Finds a demand by its number (SQ…) or words, for an agenda item made from it. */
export function DemandPicker({ value, onChange, initial }: { value?: string; onChange?: (id: string | undefined) => void; initial?: DemandHit | null }) {
  const { t } = useI18n();
  const [hits, setHits] = useState<DemandHit[]>(initial ? [initial] : []);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<number>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = window.setTimeout(async () => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const page = await api<{ items: DemandHit[] }>('/api/demands', { query: { q: q.trim(), pageSize: 10 } });
        if (mine === seq.current) setHits(page.items);
      } catch {
        if (mine === seq.current) setHits([]);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, 300);
  };

  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={loading}
      placeholder={t('dl.agenda.demandSearch')}
      notFoundContent={null}
      data-testid="agenda-new-demand"
      options={hits.map((d) => ({ value: d.id, label: `${d.no} ${d.title}` }))}
    />
  );
}
