import { Button, Card, Segmented, Space, Table } from 'antd';
import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { useIsMobile } from '../../../app/useIsMobile';
import { ErrorState } from '../../../app/ui/States';
import type { Page } from '../../../app/types';
import { fmtTime } from '../shared/format';
import { DemandStateTag } from '../shared/StateTag';
import type { DemandOut } from '../shared/types';
import { DemandCards } from './DemandCards';
import { DemandFilters } from './DemandFilters';
import { useDemandFilters, type QuickTab } from './useDemandFilters';
import './demands-console.css';

/** 群众诉求: what is waiting, in hand, late or sent up to this level, with filters to find any one. */
export default function DemandsPage() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { tab, filters, query, escalation, update } = useDemandFilters();
  const { data, error, loading, reload } = useFetch<Page<DemandOut> & { totalCapped?: boolean }>('/api/demands', query);

  const tabs: QuickTab[] = ['pending', 'working', 'overdue', ...(escalation ? ['escalated' as const] : []), 'all'];

  return (
    <div>
      <div className="gz-toolbar" style={{ justifyContent: 'space-between' }}>
        <h1 className="gz-page-title" style={{ margin: 0 }}>{t('dc.pageTitle')}</h1>
        <Space wrap>
          {can('demand.import') && (
            <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/console/demands/import')} data-testid="demand-import-open">{t('dc.import')}</Button>
          )}
          {can('demand.report') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/demands/new')} data-testid="demand-new">{t('dc.new')}</Button>
          )}
        </Space>
      </div>
      <Card>
        <div className="dc-tabs">
          <Segmented<QuickTab>
            value={tab}
            onChange={(v) => update({ tab: v, state: undefined })}
            data-testid="demand-tabs"
            options={tabs.map((k) => ({ value: k, label: <span data-testid={`demand-tab-${k}`}>{t(`dc.tab.${k}`)}</span> }))}
          />
        </div>
        <DemandFilters tab={tab} filters={filters} update={update} />
        {error ? <ErrorState error={error} onRetry={reload} /> : isMobile ? (
          <DemandCards data={data} loading={loading} onPage={(page) => update({ page })} />
        ) : (
          <Table<DemandOut>
            data-testid="demands-table"
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={data?.items ?? []}
            locale={{ emptyText: t('dc.none') }}
            scroll={{ x: 1000 }}
            rowClassName={() => 'gz-clickable-row'}
            onRow={(d) => ({ onClick: () => navigate(`/console/demands/${d.id}`), 'data-testid': `demand-row-${d.id}` } as React.HTMLAttributes<HTMLElement>)}
            pagination={{
              current: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, showSizeChanger: false,
              showTotal: (total) => (data?.totalCapped ? t('dc.totalCapped', { total: total.toLocaleString() }) : t('common.total', { total })), onChange: (page) => update({ page }),
            }}
            columns={[
              { title: t('dc.no'), dataIndex: 'no', width: 160, render: (v: string) => <span className="gz-mono">{v}</span> },
              { title: t('dc.title'), dataIndex: 'title', ellipsis: true },
              { title: t('dc.category'), key: 'category', width: 120, render: (_: unknown, d) => d.category.name },
              {
                title: t('dc.place'), key: 'place', width: 180, ellipsis: true,
                render: (_: unknown, d) => (d.place.id === d.community.id ? d.place.name : `${d.community.name} · ${d.place.name}`),
              },
              {
                title: t('dc.state'), key: 'state', width: 130,
                render: (_: unknown, d) => (
                  <Space size={4}>
                    <DemandStateTag state={d.state} />
                    {d.level !== 'community' && <span style={{ fontSize: 12, color: '#b7181f' }}>{tx('demand.level', d.level)}</span>}
                  </Space>
                ),
              },
              {
                title: t('dc.due'), dataIndex: 'dueAt', width: 140,
                render: (v: string | null, d) => <span className={d.overdue ? 'dc-overdue' : undefined} data-overdue={d.overdue || undefined}>{fmtTime(v)}</span>,
              },
              { title: t('dc.createdAt'), dataIndex: 'createdAt', width: 140, render: fmtTime },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
