import { useEffect, useState } from 'react';
import { Button, Space, Statistic, Table, Tag } from 'antd';
import { CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import type { Page } from '../../../app/types';
import { fmtTime } from '../shared/periods';
import type { LedgerEntry } from '../shared/types';
import { ReverseDialog } from './ReverseDialog';

export type LedgerRow = Omit<LedgerEntry, 'id' | 'reversesId' | 'reversedBy'> & { id: number; personId: string; personName: string; reversesId: number | null; reversedBy: number | null };

/**
 * 积分明细: the ledger of the caller's territory, or of one member with their balance. Street and
 * district administrators correct an entry by reversing it; both entries stay.
 */
export function LedgerPanel({ personId, onPick }: { personId?: string; onPick: (personId: string | undefined) => void }) {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const correct = can('points.correct');
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [personId]);
  const { data, error, loading, reload } = useFetch<Page<LedgerRow> & { sum: number }>('/api/points/entries', { personId, page, pageSize: 20 });
  const [reversing, setReversing] = useState<LedgerRow | null>(null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const name = data?.items[0]?.personName;

  return (
    <>
      {personId && (
        <Space className="gz-toolbar" size={24} wrap>
          <Statistic title={name ? t('ledger.balanceOf', { name }) : t('ledger.balance')} value={data?.sum ?? 0} loading={loading && !data}
            valueRender={(v) => <span data-testid="ledger-balance">{v}</span>} />
          <Button icon={<CloseOutlined />} onClick={() => onPick(undefined)} data-testid="ledger-all">{t('ledger.everyone')}</Button>
        </Space>
      )}
      <Table<LedgerRow>
        data-testid="ledger-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('m.points.noHistory') }}
        scroll={{ x: 860 }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        onRow={(e) => ({ 'data-testid': `ledger-row-${e.id}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('workplace.at'), dataIndex: 'at', width: 150, render: fmtTime },
          {
            title: t('people.col.name'), dataIndex: 'personName', width: 110,
            render: (n: string, e) => (personId ? n : <a onClick={() => onPick(e.personId)} data-testid={`ledger-person-${e.id}`}>{n}</a>),
          },
          { title: t('rules.rule'), dataIndex: 'ruleCode', width: 110, render: (c: string) => tx('points.rule', c) },
          { title: t('points.points'), dataIndex: 'points', width: 80, align: 'right', render: (p: number, e) => <span data-testid={`ledger-points-${e.id}`}>{p > 0 ? `+${p}` : p}</span> },
          {
            title: t('workplace.note'), dataIndex: 'note',
            render: (n: string | null, e) => (
              <>
                {e.reversesId !== null && <Tag color="orange">{t('ledger.reverses', { id: e.reversesId })}</Tag>}
                {e.reversedBy !== null && <Tag data-testid={`ledger-reversed-${e.id}`}>{t('ledger.reversedBy', { id: e.reversedBy })}</Tag>}
                {n}
              </>
            ),
          },
          ...(correct ? [{
            title: t('common.actions'), key: 'actions', width: 100, fixed: 'right' as const,
            render: (_: unknown, e: LedgerRow) => e.reversesId === null && e.reversedBy === null && (
              <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setReversing(e)} data-testid={`ledger-reverse-${e.id}`}>{t('ledger.reverse')}</Button>
            ),
          }] : []),
        ]}
      />
      <ReverseDialog entry={reversing} onClose={() => setReversing(null)} onDone={() => { setReversing(null); reload(); }} />
    </>
  );
}
