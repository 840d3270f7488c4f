import { useEffect, useState } from 'react';
import { App, Button, Input, Segmented, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, withQuery } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import type { Page } from '../../../app/types';
import { fmtTime } from '../shared/periods';
import { RegistrationTag } from '../shared/SignupTag';
import type { RegistrationState, StaffRegistration } from '../shared/types';
import { ReturnDialog } from './ReturnDialog';
import './members-console.css';

const FILTERS: (RegistrationState | 'all')[] = ['pending', 'confirmed', 'returned', 'withdrawn', 'all'];

/** Members' dual registrations to the caller's communities: confirm, return with a reason, the roster. */
export function RegistrationsTable({ territoryId }: { territoryId?: string }) {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [state, setState] = useState<RegistrationState | 'all'>('pending');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [state, q, territoryId]);
  const { data, error, loading, reload } = useFetch<Page<StaffRegistration>>('/api/registrations', {
    territoryId, state: state === 'all' ? undefined : state, q, page, pageSize: 20,
  });
  const [returning, setReturning] = useState<StaffRegistration | null>(null);
  const review = can('registration.review');

  const confirm = (r: StaffRegistration) =>
    modal.confirm({
      title: t('reg.confirm'),
      content: t('reg.confirmText', { name: r.personName, community: r.community.name }),
      okButtonProps: { 'data-testid': 'reg-confirm-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api(`/api/registrations/${r.id}/confirm`, { method: 'POST' });
          notify.success(t('reg.confirmed', { name: r.personName }));
          reload();
        } catch (err) {
          notify.error(err);
          reload();
        }
      },
    });

  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <div className="gz-toolbar">
        <div className="gz-seg-scroll"><Segmented<RegistrationState | 'all'> value={state} onChange={setState} data-testid="regs-state"
          options={FILTERS.map((s) => ({ value: s, label: <span data-testid={`regs-state-${s}`}>{s === 'all' ? t('common.all') : tx('registration.state', s)}</span> }))} /></div>
        <Input.Search allowClear placeholder={t('reg.search')} onSearch={(v) => setQ(v.trim())} style={{ width: 220 }} data-testid="regs-search" />
        <Button icon={<DownloadOutlined />} href={withQuery('/api/registrations/roster.xlsx', { territoryId })} data-testid="regs-roster-export">
          {t('reg.rosterExport')}
        </Button>
      </div>
      <Table<StaffRegistration>
        data-testid="regs-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('reg.none') }}
        scroll={{ x: 1060 }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        onRow={(r) => ({ 'data-testid': `reg-row-${r.id}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('people.col.name'), dataIndex: 'personName', width: 100, fixed: 'left' },
          { title: t('people.col.phone'), dataIndex: 'phone', width: 130, render: (v) => <span className="gz-mono">{v}</span> },
          { title: t('m.reg.community'), key: 'community', width: 160, ellipsis: true, render: (_: unknown, r) => r.community.name },
          { title: t('m.reg.workplaceOrg'), key: 'org', ellipsis: true, render: (_: unknown, r) => r.workplaceOrg?.name ?? r.workplaceOrgName },
          { title: t('m.reg.state'), dataIndex: 'state', width: 90, render: (s: RegistrationState, r) => <><RegistrationTag state={s} />{r.reason && <div style={{ color: '#888', fontSize: 12 }}>{r.reason}</div>}</> },
          { title: t('m.reg.submittedAt'), dataIndex: 'submittedAt', width: 140, render: fmtTime },
          { title: t('reg.pointsYear'), dataIndex: 'pointsYear', width: 90, align: 'right' },
          ...(review
            ? [{
                title: t('common.actions'), key: 'actions', width: 140, fixed: 'right' as const,
                render: (_: unknown, r: StaffRegistration) => r.state === 'pending' ? (
                  <Space size={4}>
                    <Button size="small" type="primary" onClick={() => confirm(r)} data-testid={`reg-confirm-${r.id}`}>{t('reg.confirm')}</Button>
                    <Button size="small" danger onClick={() => setReturning(r)} data-testid={`reg-return-${r.id}`}>{t('reg.return')}</Button>
                  </Space>
                ) : null,
              }]
            : []),
        ]}
      />
      <ReturnDialog path={returning ? `/api/registrations/${returning.id}/return` : null} subject={returning ? `${returning.personName} · ${returning.community.name}` : ''}
        onClose={() => setReturning(null)} onDone={() => { setReturning(null); reload(); }} />
    </>
  );
}
