import { useMemo, useState } from 'react';
import { Card, DatePicker, Empty, Segmented, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { useIsMobile } from '../../../app/useIsMobile';
import { ErrorState } from '../../../app/ui/States';
import { BarChart } from '../../overview/BarChart';
import { TerritorySelect } from '../../territory/TerritorySelect';
import { useGrantNodes } from '../../members/shared/grantNodes';
import { fmtRate } from '../shared/format';
import type { CategoryStats, DemandStats, NodeStats } from '../shared/types';
import { HotTopicsPanel } from './HotTopicsPanel';
import { TrendChart } from './TrendChart';

type Metric = 'volume' | 'onTime' | 'satisfaction';
const pct = (v: number | null | undefined) => (v === null || v === undefined ? 0 : Math.round(v * 1000) / 10);
const hours = (v: number | null | undefined) => (v === null || v === undefined ? '—' : Math.round(v * 10) / 10);

/** 诉求统计: volume, on-time and satisfaction per node and category, the weekly trend, and hot-topic warnings. */
export default function DemandStatsPage() {
  const { t, tx } = useI18n();
  const isMobile = useIsMobile();
  const nodes = useGrantNodes();
  const [territoryId, setTerritoryId] = useState<string | undefined>(nodes[0]?.id);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [metric, setMetric] = useState<Metric>('volume');
  const { data, error, loading, reload } = useFetch<DemandStats>('/api/demand-stats', {
    territoryId, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'),
  });
  const byNode = data?.byNode ?? [];

  const categories = useMemo(() => byNode.map((n) => n.name), [byNode]);
  const series = useMemo(() => {
    if (metric === 'volume') {
      return [
        { name: t('dc.stats.total'), values: byNode.map((n) => n.total), color: '#5b8ff9' },
        { name: t('dc.stats.closed'), values: byNode.map((n) => n.closed), color: '#5ad8a6' },
        { name: t('dc.stats.overdueOpen'), values: byNode.map((n) => n.overdueOpen), color: '#b7181f' },
      ];
    }
    const key = metric === 'onTime' ? 'onTimeRate' : 'satisfactionRate';
    return [{ name: t(metric === 'onTime' ? 'dc.stats.onTimeRate' : 'dc.stats.satisfactionRate'), values: byNode.map((n) => pct(n[key])), color: '#f6bd16' }];
  }, [byNode, metric, t]);
  const trend = data?.trend ?? [];
  const weeks = useMemo(() => trend.map((w) => w.week), [trend]);
  const lines = useMemo(() => [
    { name: t('dc.stats.total'), values: trend.map((w) => w.total), color: '#5b8ff9' },
    { name: t('dc.stats.closed'), values: trend.map((w) => w.closed), color: '#5ad8a6' },
    { name: t('dc.stats.onTime'), values: trend.map((w) => w.onTime), color: '#f6bd16' },
  ], [trend, t]);

  const num = <T,>(key: keyof T & string, render?: (v: number | null) => React.ReactNode) => ({
    key, dataIndex: key, width: 96, align: 'right' as const, render: render as ((v: unknown) => React.ReactNode) | undefined,
    sorter: (a: T, b: T) => Number(a[key] ?? -1) - Number(b[key] ?? -1),
  });
  const nodeColumns: ColumnsType<NodeStats> = [
    { title: t('overview.col.node'), key: 'name', fixed: 'left', width: isMobile ? 110 : 170, render: (_, n) => <>{n.name}<div style={{ fontSize: 12, color: '#888' }}>{tx('kind', n.kind)}</div></> },
    { title: t('dc.stats.total'), ...num<NodeStats>('total') },
    { title: t('dc.stats.open'), ...num<NodeStats>('open') },
    { title: t('dc.stats.closed'), ...num<NodeStats>('closed') },
    { title: t('dc.stats.overdueOpen'), ...num<NodeStats>('overdueOpen', (v) => <span className={v ? 'dc-overdue' : undefined}>{v}</span>) },
    { title: t('dc.stats.onTimeRate'), ...num<NodeStats>('onTimeRate', fmtRate) },
    { title: t('dc.stats.satisfactionRate'), ...num<NodeStats>('satisfactionRate', fmtRate) },
    { title: t('dc.stats.medianHours'), ...num<NodeStats>('medianCloseHours', hours) },
  ];
  const categoryColumns: ColumnsType<CategoryStats> = [
    { title: t('dc.category'), dataIndex: 'name', fixed: 'left', width: isMobile ? 110 : 170 },
    { title: t('dc.stats.total'), ...num<CategoryStats>('total') },
    { title: t('dc.stats.closed'), ...num<CategoryStats>('closed') },
    { title: t('dc.stats.onTimeRate'), ...num<CategoryStats>('onTimeRate', fmtRate) },
    { title: t('dc.stats.satisfactionRate'), ...num<CategoryStats>('satisfactionRate', fmtRate) },
    { title: t('dc.stats.medianHours'), ...num<CategoryStats>('medianCloseHours', hours) },
  ];

  return (
    <div>
      <h1 className="gz-page-title">{t('dc.statsTitle')}</h1>
      <div className="gz-toolbar">
        <TerritorySelect value={territoryId} onChange={(id) => id && setTerritoryId(id)} initial={nodes} allowClear={false} testId="demand-stats-territory" style={{ width: 300 }} />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} data-testid="demand-stats-range" aria-label={t('dc.stats.range')} />
      </div>
      <HotTopicsPanel territoryId={territoryId} />
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <>
          <Card
            title={data ? t('dc.stats.byNodeOf', { name: data.territory.name, from: data.from, to: data.to }) : t('dc.stats.byNode')}
            style={{ marginBottom: 16 }}
            loading={loading && !data}
            extra={!isMobile && <Segmented<Metric> value={metric} onChange={setMetric} data-testid="demand-stats-metric"
              options={(['volume', 'onTime', 'satisfaction'] as const).map((m) => ({ value: m, label: t(`dc.stats.metric.${m}`) }))} />}
          >
            {isMobile && (
              <div className="dc-tabs"><Segmented<Metric> value={metric} onChange={setMetric} data-testid="demand-stats-metric"
                options={(['volume', 'onTime', 'satisfaction'] as const).map((m) => ({ value: m, label: t(`dc.stats.metric.${m}`) }))} /></div>
            )}
            {byNode.length ? <div data-testid="demand-stats-chart"><BarChart horizontal={isMobile} categories={categories} series={series} /></div> : <Empty />}
            <Table<NodeStats>
              data-testid="demand-stats-nodes"
              rowKey="id"
              size="small"
              style={{ marginTop: 16 }}
              dataSource={byNode}
              columns={nodeColumns}
              pagination={false}
              scroll={{ x: (isMobile ? 110 : 170) + 7 * 96 }}
              onRow={(n) => ({ 'data-testid': `demand-stats-row-${n.id}` } as React.HTMLAttributes<HTMLElement>)}
              summary={() => data && (
                <Table.Summary fixed>
                  <Table.Summary.Row data-testid="demand-stats-sum">
                    <Table.Summary.Cell index={0}>{t('overview.sum')}</Table.Summary.Cell>
                    {([data.total.total, data.total.open, data.total.closed, data.total.overdueOpen, fmtRate(data.total.onTimeRate), fmtRate(data.total.satisfactionRate), hours(data.total.medianCloseHours)]).map((v, i) => (
                      <Table.Summary.Cell key={i} index={i + 1} align="right">{v}</Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              )}
            />
          </Card>
          <Card title={t('dc.stats.trend')} style={{ marginBottom: 16 }} loading={loading && !data}>
            {trend.length ? <TrendChart weeks={weeks} lines={lines} /> : <Empty />}
          </Card>
          <Card title={t('dc.stats.byCategory')} loading={loading && !data}>
            <Table<CategoryStats>
              data-testid="demand-stats-categories"
              rowKey="id"
              size="small"
              dataSource={data?.byCategory ?? []}
              columns={categoryColumns}
              pagination={false}
              scroll={{ x: (isMobile ? 110 : 170) + 5 * 96 }}
            />
          </Card>
        </>
      )}
    </div>
  );
}
