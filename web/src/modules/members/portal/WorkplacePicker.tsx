import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import type { Items } from '../../../app/types';
import { RemoteSelect } from '../../../app/ui/RemoteSelect';
import type { WorkplaceOrg } from '../shared/types';

const findOrgs = async (q: string) => (await api<Items<WorkplaceOrg>>('/api/workplace-orgs', { query: { q } })).items;
const toOption = (o: WorkplaceOrg) => ({ value: o.id, label: `${o.name} · ${o.territoryName}` });

/** Finds the member's workplace party organisation among the district's party bodies by name. */
export function WorkplacePicker({ value, onChange }: { value?: string; onChange?: (id: string | undefined) => void }) {
  const { t } = useI18n();
  return (
    <RemoteSelect
      find={findOrgs}
      toOption={toOption}
      allowClear
      value={value}
      onChange={(id) => onChange?.(id)}
      placeholder={t('m.reg.orgSearch')}
      aria-label={t('m.reg.workplaceOrg')}
      testId="reg-workplace-org"
      popupMatchSelectWidth
    />
  );
}
