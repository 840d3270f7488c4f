import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Empty, Select, Table, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { withQuery } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import type { BodyRow, Items } from '../../../app/types';
import { useGrantNodes } from '../shared/grantNodes';
import { currentYear, fmtDate, fmtTime } from '../shared/periods';
import { RegistrationTag, SignupTag } from '../shared/SignupTag';
import type { WorkplaceRecords } from '../shared/types';

type Member = WorkplaceRecords['members'][number];

function MemberDetail({ m }: { m: Member }) {
  const { t, tx } = useI18n();
  return (
    <Tabs
      size="small"
      items={[
        {
          key: 'activities',
          label: t('workplace.activities', { count: m.activities.length }),
          children: (
            <Table size="small" rowKey="activityId" pagination={false} dataSource={m.activities} locale={{ emptyText: t('common.empty') }}
              columns={[
                { title: t('activity.title'), dataIndex: 'title' },
                { title: t('common.kind'), dataIndex: 'kind', width: 100, render: (k: string) => tx('activity.kind', k) },
                { title: t('activity.time'), dataIndex: 'startsAt', width: 150, render: fmtTime },
                { title: t('activity.signupState'), dataIndex: 'state', width: 90, render: (s: Member['activities'][number]['state']) => <SignupTag state={s} /> },
                { title: t('activity.checkedInAt'), dataIndex: 'checkedInAt', width: 150, render: fmtTime },
                { title: t('activity.checkedOutAt'), dataIndex: 'checkedOutAt', width: 150, render: fmtTime },
              ]} />
          ),
        },
        {
          key: 'entries',
          label: t('workplace.entries', { count: m.entries.length }),
          children: (
            <Table size="small" rowKey="id" pagination={false} dataSource={m.entries} locale={{ emptyText: t('common.empty') }}
              columns={[
                { title: t('workplace.at'), dataIndex: 'at', width: 150, render: fmtTime },
                { title: t('rules.rule'), dataIndex: 'ruleCode', width: 110, render: (c: string) => tx('points.rule', c) },
                { title: t('points.points'), dataIndex: 'points', width: 80, align: 'right' },
                { title: t('workplace.note'), dataIndex: 'note', render: (n: string | null, e) => [e.reversesId ? t('points.reversal') : null, n].filter(Boolean).join(' · ') },
              ]} />
          ),
        },
      ]}
    />
  );
}

/** 服务记录: a workplace party organisation sees its members' community service and points, and exports them. */
export default function WorkplacePage() {
  const { t, tx } = useI18n();
  const { hasRole } = useAuth();
  const nodes = useGrantNodes(['unit_liaison', 'community_secretary', 'community_worker', 'street_admin', 'district_admin']);
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(currentYear());
  // The bodies of the caller's grant nodes; party organisations are the ones members name.
  // A unit's liaison sees the bodies they belong to; staff the bodies of their area.
  const liaison = hasRole('unit_liaison');
  const bodies = useFetch<Items<BodyRow>>(liaison || nodes[0] ? '/api/bodies' : null, liaison ? { mine: 'true' } : { territoryId: nodes[0]?.id, subtree: 'true' });
  const options = useMemo(
    () => [...(bodies.data?.items ?? [])].sort((a, b) => Number(!a.kind.startsWith('party_')) - Number(!b.kind.startsWith('party_'))),
    [bodies.data],
  );
  const bodyId = params.get('bodyId') ?? undefined;
  useEffect(() => {
    if (!bodyId && options[0]) setParams({ bodyId: options[0].id }, { replace: true });
  }, [bodyId, options, setParams]);
  const records = useFetch<WorkplaceRecords>(bodyId ? `/api/workplace/${bodyId}/records` : null, { year });
  const years = Array.from({ length: 4 }, (_, i) => currentYear() - i);

  return (
    <div>
      <h1 className="gz-page-title">{t('workplace.pageTitle')}</h1>
      <div className="gz-toolbar">
        <Select showSearch={{ optionFilterProp: 'label' }} value={bodyId} onChange={(id: string) => setParams({ bodyId: id }, { replace: true })}
          loading={bodies.loading} style={{ width: 360 }} data-testid="workplace-body" placeholder={t('workplace.pickBody')}
          options={options.map((b) => ({ value: b.id, label: `${b.name} · ${tx('body', b.kind)}` }))} />
        <Select value={year} onChange={setYear} style={{ width: 100 }} data-testid="workplace-year" options={years.map((y) => ({ value: y, label: String(y) }))} />
        {bodyId && (
          <Button icon={<DownloadOutlined />} href={withQuery(`/api/workplace/${bodyId}/records.xlsx`, { year })} data-testid="workplace-export">
            {t('workplace.export')}
          </Button>
        )}
      </div>
      {!bodyId ? <Empty description={t('workplace.pickBody')} /> : records.error ? <ErrorState error={records.error} onRetry={records.reload} /> : (
        <Card title={records.data ? t('workplace.of', { name: records.data.body.name, year: records.data.year }) : ''}>
          <Table<Member>
            data-testid="workplace-table"
            rowKey="personId"
            size="middle"
            loading={records.loading}
            dataSource={records.data?.members ?? []}
            locale={{ emptyText: t('workplace.none') }}
            scroll={{ x: 760 }}
            pagination={(records.data?.members.length ?? 0) > 50 ? { pageSize: 50 } : false}
            expandable={{ expandedRowRender: (m) => <MemberDetail m={m} /> }}
            onRow={(m) => ({ 'data-testid': `workplace-row-${m.personId}` } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('people.col.name'), dataIndex: 'name', width: 110 },
              { title: t('m.reg.community'), key: 'community', ellipsis: true, render: (_: unknown, m) => m.community.name },
              { title: t('m.reg.state'), key: 'state', width: 100, render: (_: unknown, m) => <RegistrationTag state={m.registration.state} /> },
              { title: t('m.reg.submittedAt'), key: 'submitted', width: 120, render: (_: unknown, m) => fmtDate(m.registration.submittedAt) },
              { title: t('workplace.activityCount'), key: 'acts', width: 100, align: 'right', render: (_: unknown, m) => m.activities.filter((a) => a.checkedInAt).length },
              { title: t('reg.pointsYear'), dataIndex: 'points', width: 100, align: 'right' },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
