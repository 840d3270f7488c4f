import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { Items, TerritoryNode } from '../../app/types';
import { RemoteSelect } from '../../app/ui/RemoteSelect';

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

const findNodes = async (q: string) => (await api<Items<TerritoryNode>>('/api/territories', { query: { q } })).items;

/** Picks a node by typing its name or official code (searches within the caller's scope). */
export function TerritorySelect({ value, onChange, placeholder, style, testId, allowClear = true, initial }: Props) {
  const { t, tx } = useI18n();
  return (
    <RemoteSelect
      find={findNodes}
      toOption={(n) => ({ value: n.id, label: `${n.name} · ${tx('kind', n.kind)}${n.code ? ` · ${n.code}` : ''}` })}
      initial={initial}
      allowClear={allowClear}
      value={value}
      placeholder={placeholder ?? t('territory.pickNode')}
      aria-label={placeholder ?? t('territory.pickNode')}
      testId={testId}
      style={{ minWidth: 220, ...style }}
      onChange={onChange}
    />
  );
}
