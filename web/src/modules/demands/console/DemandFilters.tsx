import { useState } from 'react';
import { Button, Checkbox, Input, Segmented, Select } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useIsMobile } from '../../../app/useIsMobile';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import type { Items } from '../../../app/types';
import { TerritorySelect } from '../../territory/TerritorySelect';
import { useGrantNodes } from '../../members/shared/grantNodes';
import { CHANNELS, DEMAND_LEVELS, DEMAND_STATES, type DemandCategory } from '../shared/types';
import { WORKING_STATES, type FilterKey, type QuickTab } from './useDemandFilters';

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
  const isMobile = useIsMobile();
  const narrowing = ['categoryId', 'territoryId', 'level', 'channel', 'overdue'].filter((k) => filters[k as FilterKey]).length;
  const [more, setMore] = useState(narrowing > 0);
  const wide = { width: 150 };
  const search = (
    <Input.Search
      allowClear
      defaultValue={filters.q}
      placeholder={t('dc.searchPlaceholder')}
      onSearch={(q) => update({ q: q.trim() || undefined })}
      style={{ width: isMobile ? undefined : 240, flex: isMobile ? 1 : undefined }}
      data-testid="demand-search"
    />
  );
  // On a phone the list matters more than the filters: only the words and the sub-tabs show until asked.
  return (
    <div className="gz-toolbar" data-testid="demand-filters">
      {isMobile ? (
        <div style={{ display: 'flex', gap: 8, width: '100%' }}>
          {search}
          <Button icon={<FilterOutlined />} type={narrowing ? 'primary' : 'default'} ghost={!!narrowing} onClick={() => setMore(!more)} data-testid="demand-filter-more" aria-label={t('dc.filters')}>
            {narrowing || null}
          </Button>
        </div>
      ) : search}
      {tab === 'working' && (
        <Segmented
          value={WORKING_STATES.find((w) => w === filters.state) ?? 'all'}
          onChange={(state) => update({ state: state === 'all' ? undefined : state })}
          data-testid="demand-filter-working"
          options={[
            { value: 'all', label: <span data-testid="demand-working-all">{t('dc.tab.all')}</span> },
            ...WORKING_STATES.map((s) => ({ value: s, label: <span data-testid={`demand-working-${s}`}>{tx('demand.state', s)}</span> })),
          ]}
        />
      )}
      {tab === 'all' && (
        <Select
          allowClear
          placeholder={t('dc.state')}
          value={filters.state}
          onChange={(state) => update({ state })}
          style={wide}
          data-testid="demand-filter-state"
          options={DEMAND_STATES.map((s) => ({ value: s, label: tx('demand.state', s) }))}
        />
      )}
      {(!isMobile || more) && <>
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
      </>}
    </div>
  );
}
