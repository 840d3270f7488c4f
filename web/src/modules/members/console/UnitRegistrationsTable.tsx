import { useState } from 'react';
import { App, Button, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import type { Page } from '../../../app/types';
import { fmtTime } from '../shared/periods';
import { RegistrationTag } from '../shared/SignupTag';
import type { RegistrationState } from '../shared/types';
import { ReturnDialog } from './ReturnDialog';
import { type UnitDraft, UnitRegistrationForm } from './UnitRegistrationForm';

interface UnitRegistration {
  id: string;
  body: { id: string; name: string };
  territory: { id: string; name: string; kind: string };
  commitments: string;
  state: RegistrationState;
  reason: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

/**
 * 组织报到: resident units' party organisations registering with a street or community, with their
 * commitments. The street or community confirms or returns; the unit's liaison submits, withdraws
 * and, after a return, submits again.
 */
export function UnitRegistrationsTable({ territoryId }: { territoryId?: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useFetch<Page<UnitRegistration>>('/api/unit-registrations', { territoryId, page, pageSize: 20 });
  const [returning, setReturning] = useState<UnitRegistration | null>(null);
  const review = can('unit-registration.review');
  const submit = can('unit-registration.submit');
  const [draft, setDraft] = useState<UnitDraft | null>(null);

  const withdraw = (r: UnitRegistration) =>
    modal.confirm({
      title: t('unitReg.withdraw'),
      content: t('unitReg.withdrawConfirm', { name: r.body.name, target: r.territory.name }),
      okButtonProps: { danger: true, 'data-testid': 'unit-reg-withdraw-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api(`/api/unit-registrations/${r.id}/withdraw`, { method: 'POST' });
          notify.success();
          reload();
        } catch (err) {
          notify.error(err);
        }
      },
    });
  // A unit may register again once no registration of it with that node is live.
  const live = (r: UnitRegistration) => (data?.items ?? []).some((o) => o.body.id === r.body.id && o.territory.id === r.territory.id && (o.state === 'pending' || o.state === 'confirmed'));

  const confirm = (r: UnitRegistration) =>
    modal.confirm({
      title: t('reg.confirm'),
      content: t('reg.confirmText', { name: r.body.name, community: r.territory.name }),
      okButtonProps: { 'data-testid': 'unit-reg-confirm-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api(`/api/unit-registrations/${r.id}/confirm`, { method: 'POST' });
          notify.success();
          reload();
        } catch (err) {
          notify.error(err);
        }
      },
    });

  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      {submit && (
        <div className="gz-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraft({})} data-testid="unit-reg-new">{t('unitReg.new')}</Button>
        </div>
      )}
      <Table<UnitRegistration>
        data-testid="unit-regs-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('reg.none') }}
        scroll={{ x: 960 }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(r) => ({ 'data-testid': `unit-reg-row-${r.id}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('reg.unit'), key: 'body', width: 200, render: (_: unknown, r) => r.body.name },
          { title: t('reg.target'), key: 'target', width: 160, render: (_: unknown, r) => r.territory.name },
          { title: t('reg.commitments'), dataIndex: 'commitments', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          {
            title: t('m.reg.state'), dataIndex: 'state', width: 120,
            render: (s: RegistrationState, r) => (
              <>
                <RegistrationTag state={s} testId={`unit-reg-state-${r.id}`} />
                {r.reason && <div style={{ color: '#888', fontSize: 12 }} data-testid={`unit-reg-reason-${r.id}`}>{t('m.reg.reasonText', { reason: r.reason })}</div>}
              </>
            ),
          },
          { title: t('m.reg.submittedAt'), dataIndex: 'submittedAt', width: 140, render: fmtTime },
          ...(review
            ? [{
                title: t('common.actions'), key: 'actions', width: 140, fixed: 'right' as const,
                render: (_: unknown, r: UnitRegistration) => r.state === 'pending' ? (
                  <Space size={4}>
                    <Button size="small" type="primary" onClick={() => confirm(r)} data-testid={`unit-reg-confirm-${r.id}`}>{t('reg.confirm')}</Button>
                    <Button size="small" danger onClick={() => setReturning(r)} data-testid={`unit-reg-return-${r.id}`}>{t('reg.return')}</Button>
                  </Space>
                ) : null,
              }]
            : []),
          ...(submit
            ? [{
                title: t('common.actions'), key: 'liaison', width: 110, fixed: 'right' as const,
                render: (_: unknown, r: UnitRegistration) =>
                  r.state === 'pending' || r.state === 'confirmed' ? (
                    <Button size="small" danger onClick={() => withdraw(r)} data-testid={`unit-reg-withdraw-${r.id}`}>{t('unitReg.withdraw')}</Button>
                  ) : r.state === 'returned' && !live(r) ? (
                    <Button size="small" type="primary" onClick={() => setDraft({ bodyId: r.body.id, territoryId: r.territory.id, commitments: r.commitments })}
                      data-testid={`unit-reg-resubmit-${r.id}`}>{t('unitReg.resubmit')}</Button>
                  ) : null,
              }]
            : []),
        ]}
      />
      <ReturnDialog path={returning ? `/api/unit-registrations/${returning.id}/return` : null} subject={returning ? `${returning.body.name} · ${returning.territory.name}` : ''}
        onClose={() => setReturning(null)} onDone={() => { setReturning(null); reload(); }} />
      <UnitRegistrationForm draft={draft} onClose={() => setDraft(null)} onDone={() => { setDraft(null); setPage(1); reload(); }} />
    </>
  );
}
