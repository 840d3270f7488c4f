import { useEffect, useState } from 'react';
import { Table } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import type { RankRow, Rankings } from '../shared/types';

/** A leaderboard of a community, street or district for one period; ties share a rank. A name opens the member's ledger when `onPick` is given. */
export function RankingsTable({ territoryId, period, onPick }: { territoryId: string; period: string; onPick?: (personId: string) => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [territoryId, period]);
  const { data, error, loading, reload } = useFetch<Rankings>('/api/points/rankings', { territoryId, period, page, pageSize: 20 });
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Table<RankRow>
      data-testid="rankings-table"
      rowKey="personId"
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('points.noRanking') }}
      scroll={{ x: 480 }}
      pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
      onRow={(r) => ({ 'data-testid': `ranking-row-${r.personId}` } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { title: t('points.rank'), dataIndex: 'rank', width: 70, align: 'right' },
        {
          title: t('people.col.name'), dataIndex: 'name', width: 120,
          render: (n: string, r) => (onPick ? <a onClick={() => onPick(r.personId)} data-testid={`ranking-ledger-${r.personId}`}>{n}</a> : n),
        },
        { title: t('activity.community'), key: 'community', ellipsis: true, render: (_: unknown, r) => r.community.name },
        { title: t('points.points'), dataIndex: 'points', width: 90, align: 'right' },
      ]}
    />
  );
}
