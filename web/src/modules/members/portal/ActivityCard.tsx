import { useState } from 'react';
import { App, Button, Card, Tag } from 'antd';
import { ClockCircleOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { fmtSpan, fmtTime } from '../shared/periods';
import { ActivityStateTag, KindTag, SignupTag } from '../shared/SignupTag';
import type { Activity } from '../shared/types';

/** One activity as a member sees it: when, where, how full, and their own sign-up. */
export function ActivityCard({ activity: a, onChanged }: { activity: Activity; onChanged: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const mine = a.mySignup && a.mySignup.state !== 'cancelled' ? a.mySignup : null;
  const open = a.state === 'published' && new Date(a.endsAt) > new Date();
  const full = a.signedUp >= a.capacity;
  const canCancel = mine?.state === 'signed_up' && new Date(a.cancelDeadline) > new Date();

  const signUp = async () => {
    setBusy(true);
    try {
      await api(`/api/activities/${a.id}/signup`, { method: 'POST' });
      notify.success(t('m.activity.signedUp'));
      onChanged();
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  };

  const cancel = () =>
    modal.confirm({
      title: t('m.activity.cancel'),
      content: t('m.activity.cancelConfirm', { title: a.title }),
      okButtonProps: { danger: true, 'data-testid': 'signup-cancel-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api(`/api/activities/${a.id}/signup`, { method: 'DELETE' });
          notify.success(t('m.activity.cancelled'));
          onChanged();
        } catch (err) {
          notify.error(err);
        }
      },
    });

  return (
    <Card size="small" className="gz-m-card" data-testid={`m-activity-${a.id}`}>
      <div className="gz-m-activity-head">
        <strong className="gz-m-activity-title">{a.title}</strong>
        <span>
          {a.near === 'community' && <Tag color="red">{t('m.near.community')}</Tag>}
          <KindTag kind={a.kind} />
          <ActivityStateTag activity={a} />
        </span>
      </div>
      <div className="gz-m-meta"><ClockCircleOutlined /> {fmtSpan(a.startsAt, a.endsAt)}</div>
      {a.place && <div className="gz-m-meta"><EnvironmentOutlined /> {a.place}</div>}
      <div className="gz-m-meta">
        <TeamOutlined /> {t('m.activity.seats', { signedUp: a.signedUp, capacity: a.capacity })} · {a.territoryName}
      </div>
      {a.description && <div className="gz-m-desc">{a.description}</div>}
      <div className="gz-m-actions">
        {mine ? (
          <>
            <SignupTag state={mine.state} testId={`m-signup-state-${a.id}`} />
            {canCancel && <span className="gz-m-hint">{t('m.activity.cancelUntil', { time: fmtTime(a.cancelDeadline) })}</span>}
            {mine.state === 'checked_out' && mine.points != null && (
              <span className="gz-m-hint">{t('m.activity.earned', { hours: mine.hours ?? 0, points: mine.points })}</span>
            )}
            {canCancel && (
              <Button onClick={cancel} data-testid={`m-activity-cancel-${a.id}`}>{t('m.activity.cancel')}</Button>
            )}
          </>
        ) : open ? (
          <Button type="primary" loading={busy} disabled={full} onClick={signUp} data-testid={`m-activity-signup-${a.id}`}>
            {full ? t('m.activity.full') : t('m.activity.signUp')}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
