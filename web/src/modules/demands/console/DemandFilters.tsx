import { Checkbox, Input, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import type { Items } from '../../../app/types';
import { TerritorySelect } from '../../territory/TerritorySelect';
import { useGrantNodes } from '../../members/shared/grantNodes';
import { CHANNELS, DEMAND_LEVELS, DEMAND_STATES, type DemandCategory } from '../shared/types';
import type { FilterKey, QuickTab } from './useDemandFilters';

interface Props {
  tab: QuickTab;
  filters: Record<FilterKey, string | undefined>;
  update: (changes: Partial<Record<FilterKey, string | undefined>>) => void;
}

/** State, category, place, level, channel, overdue and words; each one narrows the list at once. */
export function DemandFilters({ tab, filters, update }: Props) {
  const { t, tx } = useI18n();
  const nodes = useGrantNodes();
  const categories = useFetch<Items<DemandCategory>>('/api/demand-categories');
  const wide = { width: 150 };
  return (
    <div className="gz-toolbar" data-testid="demand-filters">
      <Input.Search
        allowClear
        defaultValue={filters.q}
        placeholder={t('dc.searchPlaceholder')}
        onSearch={(q) => update({ q: q.trim() || undefined })}
        style={{ width: 240 }}
        data-testid="demand-search"
      />
      {(tab === 'all' || tab === 'working') && (
        <Select
          allowClear
          placeholder={t('dc.state')}
          value={filters.state}
          onChange={(state) => update({ state })}
          style={wide}
          data-testid="demand-filter-state"
          options={DEMAND_STATES.filter((s) => tab === 'all' || ['accepted', 'assigned', 'in_progress'].includes(s)).map((s) => ({ value: s, label: tx('demand.state', s) }))}
        />
      )}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('dc.category')}
        value={filters.categoryId}
        onChange={(categoryId) => update({ categoryId })}
        style={wide}
        loading={categories.loading}
        data-testid="demand-filter-category"
        options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
      />
      <TerritorySelect
        value={filters.territoryId}
        onChange={(territoryId) => update({ territoryId })}
        initial={nodes}
        testId="demand-filter-territory"
        style={{ width: 220 }}
      />
      {tab !== 'escalated' && (
        <Select
          allowClear
          placeholder={t('dc.level')}
          value={filters.level}
          onChange={(level) => update({ level })}
          style={{ width: 120 }}
          data-testid="demand-filter-level"
          options={DEMAND_LEVELS.map((l) => ({ value: l, label: tx('demand.level', l) }))}
        />
      )}
      <Select
        allowClear
        placeholder={t('dc.channel')}
        value={filters.channel}
        onChange={(channel) => update({ channel })}
        style={{ width: 140 }}
        data-testid="demand-filter-channel"
        options={CHANNELS.map((c) => ({ value: c, label: tx('demand.channel', c) }))}
      />
      {tab !== 'overdue' && (
        <Checkbox checked={filters.overdue === 'true'} onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })} data-testid="demand-filter-overdue">
          {t('dc.overdueOnly')}
        </Checkbox>
      )}
    </div>
  );
}
