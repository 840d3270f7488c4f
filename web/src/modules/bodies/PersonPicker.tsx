import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { Page, PersonRow } from '../../app/types';
import { RemoteSelect } from '../../app/ui/RemoteSelect';

const toOption = (p: PersonRow) => ({
  value: p.id,
  label: `${p.name} · ${p.territoryName}${p.room ? ` ${p.room}` : ''} · ${p.phone ?? ''}`,
});

/** Finds a person by name within the caller's scope; the masked phone tells namesakes apart. */
export function PersonPicker({ value, onChange, territoryId }: { value?: string; onChange?: (id: string) => void; territoryId?: string }) {
  const { t } = useI18n();
  const findPeople = async (q: string) => (await api<Page<PersonRow>>('/api/people', { query: { q, territoryId, pageSize: 20 } })).items;
  return (
    <RemoteSelect
      find={findPeople}
      toOption={toOption}
      value={value}
      onChange={(id) => id !== undefined && onChange?.(id)}
      placeholder={t('bodies.personSearch')}
      aria-label={t('bodies.person')}
      testId="person-picker"
      style={{ width: '100%' }}
    />
  );
}
