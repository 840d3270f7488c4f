import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Table } from 'antd';
import { EditOutlined, QrcodeOutlined, StopOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import type { Items } from '../../../app/types';
import { fmtSpan, fmtTime } from '../shared/periods';
import { ActivityStateTag, KindTag, SignupTag } from '../shared/SignupTag';
import type { Activity, StaffSignup } from '../shared/types';
import { ActivityEditForm } from './ActivityEditForm';

/** One activity for its organisers: details, editing and calling off, sign-ups, check-in/out by hand, and the venue QR code. */
export default function ActivityPage() {
  const { id } = useParams();
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const activity = useFetch<Activity>(`/api/activities/${id}`);
  const manage = can('activity.manage');
  const signups = useFetch<Items<StaffSignup>>(manage ? `/api/activities/${id}/signups` : null);
  const [editing, setEditing] = useState(false);

  if (activity.error) return <ErrorState error={activity.error} onRetry={activity.reload} />;
  if (!activity.data) return <Loading />;
  const a = activity.data;
  const live = a.state === 'published';

  const mark = async (s: StaffSignup, action: 'checkin' | 'checkout') => {
    try {
      await api(`/api/activities/${a.id}/signups/${s.personId}/${action}`, { method: 'POST' });
      notify.success(action === 'checkin' ? t('activity.checkedIn', { name: s.name }) : t('activity.checkedOut', { name: s.name }));
      signups.reload();
    } catch (err) {
      notify.error(err);
    }
  };

  const cancel = () =>
    modal.confirm({
      title: t('activity.cancel'),
      content: a.signedUp > 0 ? t('activity.cancelConfirmNotify', { title: a.title, count: a.signedUp }) : t('activity.cancelConfirm', { title: a.title }),
      okButtonProps: { danger: true, 'data-testid': 'activity-cancel-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api(`/api/activities/${a.id}/cancel`, { method: 'POST' });
          notify.success(t('activity.cancelled'));
          activity.reload();
          signups.reload();
        } catch (err) {
          notify.error(err);
        }
      },
    });

  const rows = signups.data?.items ?? [];
  const liveRows = rows.filter((s) => s.state !== 'cancelled');
  return (
    <div>
      <h1 className="gz-page-title">
        <span data-testid="activity-title">{a.title}</span> <KindTag kind={a.kind} /> <span data-testid="activity-state"><ActivityStateTag activity={a} /></span>
      </h1>
      <Card style={{ marginBottom: 16 }}
        extra={manage && live && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="activity-edit">{t('activity.edit')}</Button>
            <Button type="primary" icon={<QrcodeOutlined />} onClick={() => navigate(`/venue/${a.id}`)} data-testid="activity-venue-qr">{t('activity.venueQr')}</Button>
            <Button danger icon={<StopOutlined />} onClick={cancel} data-testid="activity-cancel">{t('activity.cancel')}</Button>
          </Space>
        )}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid="activity-details">
          <Descriptions.Item label={t('activity.time')}><span data-testid="activity-time">{fmtSpan(a.startsAt, a.endsAt)}</span></Descriptions.Item>
          <Descriptions.Item label={t('activity.place')}><span data-testid="activity-place">{a.place}</span></Descriptions.Item>
          <Descriptions.Item label={t('activity.community')}>{a.territoryName}</Descriptions.Item>
          <Descriptions.Item label={t('activity.signups')}><span data-testid="activity-seats">{a.signedUp}/{a.capacity}</span></Descriptions.Item>
          <Descriptions.Item label={t('activity.cancelDeadline')}><span data-testid="activity-deadline">{fmtTime(a.cancelDeadline)}</span></Descriptions.Item>
          <Descriptions.Item label={t('activity.pointsRule')}>{tx('points.rule', a.pointsRule)}</Descriptions.Item>
          {a.serviceTitle && <Descriptions.Item label={t('activity.service')}>{a.serviceTitle}</Descriptions.Item>}
          {a.description && <Descriptions.Item label={t('activity.description')} span={2}>{a.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {manage && live && <ActivityEditForm activity={a} open={editing} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); activity.reload(); }} />}
      {manage && (
        <Card title={t('activity.signupList', { count: liveRows.length })}>
          {signups.error ? <ErrorState error={signups.error} onRetry={signups.reload} /> : (
            <Table<StaffSignup>
              data-testid="signups-table"
              rowKey="id"
              size="middle"
              loading={signups.loading}
              dataSource={rows}
              locale={{ emptyText: t('activity.noSignups') }}
              pagination={rows.length > 50 ? { pageSize: 50 } : false}
              scroll={{ x: 820 }}
              onRow={(s) => ({ 'data-testid': `signup-row-${s.personId}` } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                { title: t('people.col.name'), dataIndex: 'name', width: 110 },
                { title: t('activity.signupState'), dataIndex: 'state', width: 100, render: (_: unknown, s) => <SignupTag state={s.state} /> },
                { title: t('activity.signedUpAt'), dataIndex: 'signedUpAt', width: 150, render: fmtTime },
                { title: t('activity.checkedInAt'), dataIndex: 'checkedInAt', width: 150, render: fmtTime },
                { title: t('activity.checkedOutAt'), dataIndex: 'checkedOutAt', width: 150, render: fmtTime },
                { title: t('active.hours'), dataIndex: 'hours', width: 70, align: 'right' },
                { title: t('points.points'), dataIndex: 'points', width: 70, align: 'right' },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 110,
                  fixed: 'right',
                  render: (_: unknown, s) =>
                    s.state === 'signed_up' ? (
                      <Button size="small" onClick={() => mark(s, 'checkin')} disabled={!live} data-testid={`signup-checkin-${s.personId}`}>{t('activity.checkIn')}</Button>
                    ) : s.state === 'checked_in' ? (
                      <Button size="small" type="primary" onClick={() => mark(s, 'checkout')} data-testid={`signup-checkout-${s.personId}`}>{t('activity.checkOut')}</Button>
                    ) : null,
                },
              ]}
            />
          )}
        </Card>
      )}
    </div>
  );
}
