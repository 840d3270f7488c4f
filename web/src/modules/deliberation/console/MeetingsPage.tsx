import { useState } from 'react';
import { Button, Card, Empty, List, Segmented, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import { fmtTime, MeetingStateTag } from '../shared/Tags';
import { DELIB, MEETING_KINDS, type MeetingKind, type MeetingOut, type Paged } from '../shared/types';
import { NewMeetingDialog } from './NewMeetingDialog';
import '../deliberation.css';

type Tab = 'upcoming' | 'in_progress' | 'closed' | 'all';
const TAB_STATES: Record<Tab, string | undefined> = {
  upcoming: 'draft,noticed', in_progress: 'in_progress', closed: 'closed,cancelled', all: undefined,
};

/** 会议: the meetings the party organisation convenes, latest first. */
export default function MeetingsPage() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [tab, setTab] = useState<Tab>('upcoming');
  const [kind, setKind] = useState<MeetingKind>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useFetch<Paged<MeetingOut>>('/api/meetings', { state: TAB_STATES[tab], kind, page, pageSize: 20 });

  return (
    <div data-testid="meetings-page">
      <div className="gz-toolbar" style={{ justifyContent: 'space-between' }}>
        <h1 className="gz-page-title" style={{ margin: 0 }}>{t('nav.meetings')}</h1>
        {can(DELIB.meetingManage) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="meeting-new">{t('dl.meeting.new')}</Button>
        )}
      </div>
      <Card>
        <div className="gz-toolbar">
          <Segmented<Tab>
            value={tab}
            onChange={(v) => { setTab(v); setPage(1); }}
            options={(Object.keys(TAB_STATES) as Tab[]).map((k) => ({ value: k, label: <span data-testid={`meeting-tab-${k}`}>{t(`dl.meeting.tab.${k}`)}</span> }))}
          />
          <Select<MeetingKind>
            allowClear
            placeholder={t('dl.meeting.kind')}
            value={kind}
            onChange={(v) => { setKind(v); setPage(1); }}
            style={{ width: 200 }}
            options={MEETING_KINDS.map((k) => ({ value: k, label: tx('dl.kind', k) }))}
            data-testid="meeting-kind-filter"
          />
        </div>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
          <List<MeetingOut>
            data-testid="meetings-list"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dl.meeting.none')} /> }}
            pagination={list.data && list.data.total > list.data.pageSize ? {
              current: page, pageSize: list.data.pageSize, total: list.data.total, onChange: setPage, showSizeChanger: false,
            } : false}
            renderItem={(m) => (
              <List.Item className="dl-row gz-clickable-row" data-testid={`meeting-item-${m.id}`} onClick={() => navigate(`/console/meetings/${m.id}`)}>
                <div className="dl-row-main">
                  <div className="dl-row-title">
                    <span>{m.title}</span>
                    <MeetingStateTag state={m.state} testId={`meeting-state-${m.id}`} />
                  </div>
                  <div className="dl-row-meta">
                    <span>{tx('dl.kind', m.kind)}</span>
                    <span>{fmtTime(m.startsAt)}</span>
                    {m.place && <span>{m.place}</span>}
                    <span>{m.territory.name}</span>
                  </div>
                </div>
                <Space className="dl-row-actions" size={16}>
                  <span>{t('dl.meeting.itemCount', { n: m.itemCount })}</span>
                  <span>{t('dl.meeting.participantCount', { n: m.participantCount })}</span>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <NewMeetingDialog open={creating} onClose={() => setCreating(false)} onDone={(id) => navigate(`/console/meetings/${id}`)} />
    </div>
  );
}
