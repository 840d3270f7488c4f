import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import type { Page } from '../../../app/types';
import { RemoteSelect } from '../../../app/ui/RemoteSelect';
import type { DemandOut } from '../shared/types';

const toOption = (d: DemandOut) => ({ value: d.id, label: `${d.no} · ${d.title}` });

/** Finds the demand a duplicate goes into, by its number or words of its text. */
export function MergeTargetSelect({ value, onChange, excludeId }: { value?: string; onChange?: (id: string) => void; excludeId: string }) {
  const { t } = useI18n();
  const findDemands = async (q: string) =>
    (await api<Page<DemandOut>>('/api/demands', { query: { q, pageSize: 10 } })).items.filter((d) => d.id !== excludeId && d.state !== 'merged');
  return (
    <RemoteSelect
      find={findDemands}
      toOption={toOption}
      value={value}
      onChange={(id) => id !== undefined && onChange?.(id)}
      placeholder={t('dc.mergeSearch')}
      testId="demand-merge-target"
      style={{ width: '100%' }}
    />
  );
}
