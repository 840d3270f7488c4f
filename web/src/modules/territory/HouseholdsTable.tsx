import { Space, Table, Button } from 'antd';
import { useI18n } from '../../app/i18n';
import { useFetch } from '../../app/useFetch';
import { ErrorState } from '../../app/ui/States';
import type { Household, Items } from '../../app/types';

export function HouseholdsTable({ territoryId, onOpen }: { territoryId: string; onOpen: (personId: string) => void }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useFetch<Items<Household>>('/api/households', { territoryId });
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Table<Household>
      data-testid="households-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      pagination={(data?.items.length ?? 0) > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 420 }}
      columns={[
        { title: t('territory.room'), dataIndex: 'room', width: 90 },
        {
          title: t('territory.householdMembers'),
          dataIndex: 'members',
          render: (members: Household['members']) => (
            <Space wrap size={4}>
              {members.map((m) => (
                <Button key={m.id} size="small" onClick={() => onOpen(m.id)} data-testid={`household-member-${m.id}`}>
                  {m.name}
                  <span className="gz-mono" style={{ color: '#888', marginInlineStart: 4 }}>{m.maskedPhone ?? m.phone ?? ''}</span>
                </Button>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
