import { useState } from 'react';
import { Button, Card, Select, Table, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import type { Items } from '../../../app/types';
import { fmtSpan } from '../shared/periods';
import { ActivityStateTag, KindTag } from '../shared/SignupTag';
import { ACTIVITY_KINDS, type Activity } from '../shared/types';
import { ActiveMembers } from './ActiveMembers';
import { ActivityForm } from './ActivityForm';
import { ServicesTable } from './ServicesTable';

function ActivitiesTable() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [kind, setKind] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useFetch<Items<Activity>>('/api/activities', { kind });
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <div className="gz-toolbar">
        {can('activity.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="activity-create">{t('activity.create')}</Button>
        )}
        <Select allowClear value={kind} onChange={setKind} placeholder={t('activity.allKinds')} style={{ width: 160 }} data-testid="activities-kind"
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: tx('activity.kind', k) }))} />
      </div>
      <Table<Activity>
        data-testid="activities-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('m.activity.none') }}
        pagination={(data?.items.length ?? 0) > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 860 }}
        rowClassName={() => 'gz-clickable-row'}
        onRow={(a) => ({ onClick: () => navigate(`/console/activities/${a.id}`), 'data-testid': `activity-row-${a.id}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('activity.title'), dataIndex: 'title', render: (v: string, a) => <>{v} <ActivityStateTag activity={a} /></> },
          { title: t('common.kind'), dataIndex: 'kind', width: 110, render: (_: unknown, a) => <KindTag kind={a.kind} /> },
          { title: t('activity.time'), key: 'time', width: 190, render: (_: unknown, a) => fmtSpan(a.startsAt, a.endsAt) },
          { title: t('activity.community'), dataIndex: 'territoryName', width: 160, ellipsis: true },
          { title: t('activity.signups'), key: 'seats', width: 90, align: 'right', render: (_: unknown, a) => `${a.signedUp}/${a.capacity}` },
        ]}
      />
      <ActivityForm open={creating} onClose={() => setCreating(false)} onCreated={(a) => { setCreating(false); navigate(`/console/activities/${a.id}`); }} />
    </>
  );
}

type TabKey = 'activities' | 'services' | 'active';

/** 服务与活动: activities, the service catalogue and who is active, for community staff and above. */
export default function ActivitiesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as TabKey) || 'activities';
  const items = [
    { key: 'activities', label: <span data-testid="activities-tab-activities">{t('activity.tab.activities')}</span>, children: <ActivitiesTable /> },
    ...(can('service.read') ? [{ key: 'services', label: <span data-testid="activities-tab-services">{t('activity.tab.services')}</span>, children: <ServicesTable /> }] : []),
    ...(can('activity.stats') ? [{ key: 'active', label: <span data-testid="activities-tab-active">{t('activity.tab.active')}</span>, children: <ActiveMembers /> }] : []),
  ];
  return (
    <div>
      <h1 className="gz-page-title">{t('activity.pageTitle')}</h1>
      <Card>
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} items={items} destroyOnHidden />
      </Card>
    </div>
  );
}
