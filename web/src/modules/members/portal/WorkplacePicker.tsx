import { useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import type { Items } from '../../../app/types';
import type { WorkplaceOrg } from '../shared/types';

/** Finds the member's workplace party organisation among the district's party bodies by name. */
export function WorkplacePicker({ value, onChange }: { value?: string; onChange?: (id: string | undefined) => void }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<WorkplaceOrg[]>([]);
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
        const res = await api<Items<WorkplaceOrg>>('/api/workplace-orgs', { query: { q: q.trim() } });
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
      allowClear
      value={value}
      onChange={onChange}
      placeholder={t('m.reg.orgSearch')}
      aria-label={t('m.reg.workplaceOrg')}
      data-testid="reg-workplace-org"
      notFoundContent={loading ? <Spin size="small" /> : null}
      options={options.map((o) => ({ value: o.id, label: `${o.name} · ${o.territoryName}` }))}
      popupMatchSelectWidth
    />
  );
}
