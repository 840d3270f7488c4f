import { useMemo, useState } from 'react';
import { Card, Empty, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useFetch } from '../../app/useFetch';
import { ErrorState } from '../../app/ui/States';
import type { OverviewRow, TerritoryNode } from '../../app/types';
import { BarChart } from './BarChart';
import { useIsMobile } from '../../app/useIsMobile';

interface Overview {
  node: TerritoryNode;
  rows: OverviewRow[];
}

type Figure = Exclude<keyof OverviewRow, 'node'>;
const FIGURES: Figure[] = ['subdistricts', 'communities', 'grids', 'buildings', 'households', 'people', 'partyMembers', 'bodies'];

/** Per-child figures for the admin's grant node: a chart for the shape, a table for the numbers. */
export default function OverviewPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const scopes = session.grants.filter((g) => g.territoryKind !== 'building');
  const [territoryId, setTerritoryId] = useState(scopes[0]?.territoryId);
  const { data, error, loading, reload } = useFetch<Overview>(territoryId ? '/api/stats/overview' : null, { territoryId });

  const rows = data?.rows ?? [];
  // Figures that are zero everywhere (e.g. "streets" under a street) only add noise.
  const shown = FIGURES.filter((f) => rows.some((r) => r[f] > 0) || f === 'people' || f === 'partyMembers');
  const categories = useMemo(() => rows.map((r) => r.node.name), [rows]);
  const series = useMemo(
    () => [
      { name: t('overview.col.people'), values: rows.map((r) => r.people), color: '#5b8ff9' },
      { name: t('overview.col.partyMembers'), values: rows.map((r) => r.partyMembers), color: '#b7181f' },
      { name: t('overview.col.households'), values: rows.map((r) => r.households), color: '#f6bd16' },
    ],
    [rows, t],
  );

  const columns: ColumnsType<OverviewRow> = [
    { title: t('overview.col.node'), key: 'node', fixed: 'left', width: isMobile ? 112 : 160, render: (_, r) => r.node.name },
    ...shown.map((f) => ({
      title: t(`overview.col.${f}`),
      dataIndex: f,
      width: 96,
      align: 'right' as const,
      sorter: (a: OverviewRow, b: OverviewRow) => a[f] - b[f],
      render: (v: number) => v.toLocaleString(),
    })),
  ];

  if (!territoryId) return <Empty description={t('overview.noGrant')} />;
  return (
    <div>
      <h1 className="gz-page-title">{t('overview.title')}</h1>
      {scopes.length > 1 && (
        <div className="gz-toolbar">
          <Select
            value={territoryId}
            onChange={setTerritoryId}
            aria-label={t('overview.scope')}
            data-testid="overview-scope"
            style={{ minWidth: 220 }}
            options={scopes.map((g) => ({ value: g.territoryId, label: g.territoryName }))}
          />
        </div>
      )}
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <>
          <Card title={t('overview.chart')} style={{ marginBottom: 16 }} loading={loading && !data}>
            <BarChart horizontal={isMobile} categories={categories} series={series} onClickIndex={(i) => rows[i] && navigate(`/console/territory/${rows[i].node.id}`)} />
          </Card>
          <Card title={data ? t('overview.of', { name: data.node.name }) : ''}>
            <Table<OverviewRow>
              data-testid="overview-table"
              rowKey={(r) => r.node.id}
              size="middle"
              loading={loading}
              dataSource={rows}
              columns={columns}
              pagination={false}
              scroll={{ x: (isMobile ? 112 : 160) + shown.length * 96 }}
              rowClassName={() => 'gz-clickable-row'}
              onRow={(r) => ({ onClick: () => navigate(`/console/territory/${r.node.id}`), 'data-testid': `overview-row-${r.node.id}` } as React.HTMLAttributes<HTMLElement>)}
              summary={(page) =>
                page.length > 1 ? (
                  <Table.Summary fixed>
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>{t('overview.sum')}</Table.Summary.Cell>
                      {shown.map((f, i) => (
                        <Table.Summary.Cell key={f} index={i + 1} align="right">
                          {page.reduce((s, r) => s + r[f], 0).toLocaleString()}
                        </Table.Summary.Cell>
                      ))}
                    </Table.Summary.Row>
                  </Table.Summary>
                ) : null
              }
            />
          </Card>
        </>
      )}
    </div>
  );
}
