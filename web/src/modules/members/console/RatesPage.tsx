import { useMemo, useState } from 'react';
import { Card, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { useIsMobile } from '../../../app/useIsMobile';
import { ErrorState } from '../../../app/ui/States';
import { BarChart } from '../../overview/BarChart';
import { TerritorySelect } from '../../territory/TerritorySelect';
import { useGrantNodes } from '../shared/grantNodes';
import { pct } from '../shared/periods';
import type { RateRow, Rates } from '../shared/types';

const ratio = (a: number, b: number) => (b ? a / b : 0);

/** The node's own figures: sums of the children, rates recomputed from the sums. */
function RatesSummary({ rows }: { rows: readonly RateRow[] }) {
  const { t } = useI18n();
  const sum = (k: 'partyMembers' | 'registered' | 'activeMonth' | 'activeQuarter') => rows.reduce((s, r) => s + r[k], 0);
  const [members, registered, month, quarter] = [sum('partyMembers'), sum('registered'), sum('activeMonth'), sum('activeQuarter')];
  const cells = [members, registered, pct(ratio(registered, members)), month, pct(ratio(month, registered)), quarter, pct(ratio(quarter, registered))];
  return (
    <Table.Summary fixed>
      <Table.Summary.Row data-testid="rates-sum">
        <Table.Summary.Cell index={0}>{t('overview.sum')}</Table.Summary.Cell>
        {cells.map((c, i) => <Table.Summary.Cell key={i} index={i + 1} align="right">{c}</Table.Summary.Cell>)}
      </Table.Summary.Row>
    </Table.Summary>
  );
}

/** 报到率与活跃率: per child node, how many party members live there, registered, and were active. */
export default function RatesPage() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const nodes = useGrantNodes();
  const [territoryId, setTerritoryId] = useState<string | undefined>(nodes[0]?.id);
  const { data, error, loading, reload } = useFetch<Rates>(territoryId ? '/api/registrations/stats' : null, { territoryId });
  const rows = data?.rows ?? [];

  const categories = useMemo(() => rows.map((r) => r.node.name), [rows]);
  const series = useMemo(
    () => [
      { name: t('rates.registeredRate'), values: rows.map((r) => Math.round(r.registeredRate * 1000) / 10), color: '#b7181f' },
      { name: t('rates.activeMonthRate'), values: rows.map((r) => Math.round(r.activeMonthRate * 1000) / 10), color: '#f6bd16' },
      { name: t('rates.activeQuarterRate'), values: rows.map((r) => Math.round(r.activeQuarterRate * 1000) / 10), color: '#5b8ff9' },
    ],
    [rows, t],
  );

  const num = (key: keyof RateRow) => ({ dataIndex: key, width: 96, align: 'right' as const, sorter: (a: RateRow, b: RateRow) => (a[key] as number) - (b[key] as number) });
  const columns: ColumnsType<RateRow> = [
    { title: t('overview.col.node'), key: 'node', fixed: 'left', width: isMobile ? 112 : 170, render: (_, r) => r.node.name },
    { title: t('rates.partyMembers'), ...num('partyMembers') },
    { title: t('rates.registered'), ...num('registered') },
    { title: t('rates.registeredRate'), ...num('registeredRate'), render: pct },
    { title: t('rates.activeMonth'), ...num('activeMonth') },
    { title: t('rates.activeMonthRate'), ...num('activeMonthRate'), render: pct },
    { title: t('rates.activeQuarter'), ...num('activeQuarter') },
    { title: t('rates.activeQuarterRate'), ...num('activeQuarterRate'), render: pct },
  ];

  return (
    <div>
      <h1 className="gz-page-title">{t('rates.pageTitle')}</h1>
      <div className="gz-toolbar">
        <TerritorySelect value={territoryId} onChange={(id) => id && setTerritoryId(id)} initial={nodes} allowClear={false} testId="rates-territory" style={{ width: 300 }} />
        {data && <span style={{ color: '#888' }}>{t('rates.periods', { month: data.month, quarter: data.quarter })}</span>}
      </div>
      {!territoryId ? <Empty description={t('territory.pick')} /> : error ? <ErrorState error={error} onRetry={reload} /> : (
        <>
          <Card title={t('rates.chart')} style={{ marginBottom: 16 }} loading={loading && !data}>
            <div data-testid="rates-chart"><BarChart horizontal={isMobile} categories={categories} series={series} /></div>
          </Card>
          <Card title={data ? t('overview.of', { name: data.node.name }) : ''}>
            <Table<RateRow>
              data-testid="rates-table"
              rowKey={(r) => r.node.id}
              size="middle"
              loading={loading}
              dataSource={rows}
              columns={columns}
              pagination={false}
              scroll={{ x: (isMobile ? 112 : 170) + 7 * 96 }}
              summary={(page) => (page.length > 1 ? <RatesSummary rows={page} /> : null)}
              onRow={(r) => ({ 'data-testid': `rates-row-${r.node.id}` } as React.HTMLAttributes<HTMLElement>)}
            />
          </Card>
        </>
      )}
    </div>
  );
}
