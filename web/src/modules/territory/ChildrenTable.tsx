import { Table, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useFetch } from '../../app/useFetch';
import { ErrorState } from '../../app/ui/States';
import type { Items, TerritoryNode } from '../../app/types';

export function ChildrenTable({ parentId, version }: { parentId: string; version: number }) {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useFetch<Items<TerritoryNode>>(`/api/territories/${parentId}/children`, { v: version });
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Table<TerritoryNode>
      data-testid="children-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('territory.noChildren') }}
      pagination={(data?.items.length ?? 0) > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 480 }}
      rowClassName={() => 'gz-clickable-row'}
      onRow={(r) => ({ onClick: () => navigate(`/console/territory/${r.id}`), 'data-testid': `child-row-${r.id}` } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { title: t('common.name'), dataIndex: 'name' },
        { title: t('territory.kind'), dataIndex: 'kind', width: 100, render: (k: string) => tx('kind', k) },
        { title: t('territory.code'), dataIndex: 'code', width: 170, render: (c: string | null) => <span className="gz-mono">{c}</span> },
        { title: '', dataIndex: 'retired', width: 80, render: (r: boolean) => (r ? <Tag>{t('territory.retired')}</Tag> : null) },
      ]}
    />
  );
}
