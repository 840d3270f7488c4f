import { useState } from 'react';
import { Card, Empty, List, Segmented, Tag } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import type { Items } from '../../../app/types';
import { fmtSpan } from '../shared/periods';
import { KindTag, SignupTag } from '../shared/SignupTag';
import type { Activity, Service, Signup } from '../shared/types';
import { ActivityCard } from './ActivityCard';

type View = 'activities' | 'catalogue' | 'mine';

function Activities() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useFetch<Items<Activity>>('/api/activities');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  if (!data?.items.length) return <Empty description={t('m.activity.none')} />;
  return (
    <div data-testid="m-activities">
      {data.items.map((a) => <ActivityCard key={a.id} activity={a} onChanged={reload} />)}
    </div>
  );
}

function Catalogue() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useFetch<Items<Service>>('/api/services');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  if (!data?.items.length) return <Empty description={t('m.service.none')} />;
  return (
    <Card size="small" className="gz-m-card">
      <List
        data-testid="m-services"
        dataSource={data.items}
        renderItem={(s) => (
          <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid={`m-service-${s.id}`}>
            <div className="gz-m-activity-head">
              <strong>{s.title}</strong>
              <Tag color="purple">{s.category}</Tag>
            </div>
            {s.description && <div className="gz-m-desc">{s.description}</div>}
            <div className="gz-m-meta">{[s.place, s.territoryName].filter(Boolean).join(' · ')}</div>
          </List.Item>
        )}
      />
    </Card>
  );
}

function MySignups() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useFetch<Items<{ signup: Signup; activity: Activity }>>('/api/me/signups');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  if (!data?.items.length) return <Empty description={t('m.activity.noSignups')} />;
  return (
    <Card size="small" className="gz-m-card">
      <List
        data-testid="m-my-signups"
        dataSource={data.items}
        renderItem={({ signup, activity }) => (
          <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid={`m-my-signup-${activity.id}`}>
            <div className="gz-m-activity-head">
              <strong>{activity.title}</strong>
              <SignupTag state={signup.state} />
            </div>
            <div className="gz-m-meta"><KindTag kind={activity.kind} /> {fmtSpan(activity.startsAt, activity.endsAt)}</div>
            {signup.points != null && (
              <div className="gz-m-meta">{t('m.activity.earned', { hours: signup.hours ?? 0, points: signup.points })}</div>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 服务: the activities a member may join near them, the community's service catalogue, their sign-ups. */
export default function ServicesTab() {
  const { t } = useI18n();
  const [view, setView] = useState<View>('activities');
  return (
    <>
      <Card size="small" className="gz-m-card gz-m-scan-hint" data-testid="m-scan-hint">
        <ScanOutlined style={{ fontSize: 22, color: '#b7181f' }} />
        <span>{t('m.scanHint')}</span>
      </Card>
      <Segmented<View>
        block
        value={view}
        onChange={setView}
        className="gz-m-segmented"
        data-testid="m-services-view"
        options={[
          { value: 'activities', label: <span data-testid="m-view-activities">{t('m.view.activities')}</span> },
          { value: 'catalogue', label: <span data-testid="m-view-catalogue">{t('m.view.catalogue')}</span> },
          { value: 'mine', label: <span data-testid="m-view-my-signups">{t('m.view.mySignups')}</span> },
        ]}
      />
      {view === 'activities' ? <Activities /> : view === 'catalogue' ? <Catalogue /> : <MySignups />}
    </>
  );
}
