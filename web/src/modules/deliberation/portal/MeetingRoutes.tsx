import { useState } from 'react';
import { Button, Card, Empty, Input, Space, Tag } from 'antd';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtTime, MeetingStateTag } from '../shared/Tags';
import type { MeetingDetail, MeetingOut, Paged } from '../shared/types';
import { BackTitle } from './BackTitle';

function Notices() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const list = useFetch<Paged<MeetingOut>>('/api/meetings', { state: 'noticed,in_progress,closed', pageSize: 50 });
  return (
    <>
      <BackTitle title={t('dl.m.notices')} />
      <Card size="small" className="gz-m-card" data-testid="m-meetings-list">
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : list.loading && !list.data ? <Loading /> : !list.data?.items.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dl.m.noMeetings')} />
        ) : list.data.items.map((m) => (
          <button key={m.id} type="button" className="dl-m-item" onClick={() => navigate(`/m/meetings/${m.id}`)} data-testid={`m-meeting-${m.id}`}>
            <div className="dl-m-item-title"><span>{m.title}</span><MeetingStateTag state={m.state} /></div>
            <div className="dl-m-meta">{tx('dl.kind', m.kind)} · {fmtTime(m.startsAt)}{m.place ? ` · ${m.place}` : ''}</div>
            {m.actions.includes('register') && <Tag color="red" style={{ marginTop: 4 }}>{t('dl.m.canRegister')}</Tag>}
          </button>
        ))}
      </Card>
    </>
  );
}

function MeetingNotice() {
  const { id = '' } = useParams();
  const { t, tx } = useI18n();
  const notify = useNotify();
  const fetched = useFetch<MeetingDetail>(`/api/meetings/${id}`);
  const [meeting, setMeeting] = useState<MeetingDetail>();
  const [code, setCode] = useState('');
  const m = meeting?.id === id ? meeting : fetched.data;
  if (fetched.error) return <ErrorState error={fetched.error} onRetry={fetched.reload} />;
  if (!m || m.id !== id) return <Loading />;
  const act = async (path: string, body: unknown) => {
    try {
      setMeeting(await api<MeetingDetail>(`/api/meetings/${id}${path}`, { method: 'POST', body }));
      notify.success();
    } catch (err) {
      notify.error(err);
    }
  };
  return (
    <>
      <BackTitle title={t('dl.m.notice')} to="/m/meetings" />
      <Card size="small" className="gz-m-card" data-testid="m-meeting-detail">
        <div className="dl-m-item-title"><span data-testid="m-meeting-title">{m.title}</span><MeetingStateTag state={m.state} /></div>
        <div className="gz-m-row"><span>{t('dl.meeting.kind')}</span><span>{tx('dl.kind', m.kind)}</span></div>
        <div className="gz-m-row"><span>{t('dl.meeting.startsAt')}</span><span data-testid="m-meeting-time">{fmtTime(m.startsAt)}</span></div>
        {m.place && <div className="gz-m-row"><span>{t('dl.meeting.place')}</span><span>{m.place}</span></div>}
        {m.convener && <div className="gz-m-row"><span>{t('dl.meeting.convener')}</span><span>{m.convener.name}</span></div>}
        {m.me && (
          <div className="gz-m-row"><span>{t('dl.m.mySeat')}</span>
            <span data-testid="m-meeting-me">{tx('dl.capacity', m.me.capacity)}{m.me.signedInAt ? ` · ${t('dl.m.signedInAt', { time: fmtTime(m.me.signedInAt).slice(11) })}` : ''}</span>
          </div>
        )}
        {m.noticeText && <div className="dl-m-body" style={{ marginTop: 8 }} data-testid="m-meeting-notice">{m.noticeText}</div>}
      </Card>
      {m.items.length > 0 && (
        <Card size="small" className="gz-m-card" title={t('dl.m.agenda')}>
          <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="m-meeting-items">
            {m.items.map((i) => <li key={i.id}>{i.agendaItem.title}{i.decision ? `（${tx('dl.outcome', i.decision.outcome)}）` : ''}</li>)}
          </ol>
        </Card>
      )}
      {m.actions.includes('register') && (
        <Button type="primary" block size="large" onClick={() => act('/register', {})} data-testid="m-meeting-register">{t('dl.m.register')}</Button>
      )}
      {m.actions.includes('checkIn') && !m.me?.signedInAt && (
        <Card size="small" className="gz-m-card" title={t('dl.m.checkIn')}>
          <p className="dl-m-meta" style={{ marginTop: 0 }}>{t('dl.m.checkInHint')}</p>
          <Space.Compact style={{ width: '100%' }}>
            <Input size="large" value={code} onChange={(e) => setCode(e.target.value.trim().toUpperCase())} autoCapitalize="characters" autoComplete="off" placeholder={t('dl.m.code')} data-testid="m-meeting-code" />
            <Button size="large" type="primary" disabled={!code} onClick={() => act('/check-in', { code })} data-testid="m-meeting-code-submit">{t('dl.m.signIn')}</Button>
          </Space.Compact>
        </Card>
      )}
    </>
  );
}

/** /m/meetings: notices of meetings I sit in, and hearings of my community I may register to speak at. */
export default function MeetingRoutes() {
  return (
    <Routes>
      <Route index element={<Notices />} />
      <Route path=":id" element={<MeetingNotice />} />
    </Routes>
  );
}
