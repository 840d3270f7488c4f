import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { useIsMobile } from '../../../app/useIsMobile';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtTime, MeetingStateTag } from '../shared/Tags';
import type { Paged, ResolutionOut } from '../shared/types';
import { TextDialog } from '../shared/TextDialog';
import { MeetingItemsPanel } from './MeetingItemsPanel';
import { MeetingResolutions } from './MeetingResolutions';
import { NewMeetingDialog } from './NewMeetingDialog';
import { ParticipantsPanel } from './ParticipantsPanel';
import { QuorumBar } from './QuorumBar';
import { useMeeting } from './useMeeting';
import '../deliberation.css';

type Dialog = 'edit' | 'notice' | 'close' | 'cancel' | null;

/**
 * One meeting walked from draft to close: participants, agenda, notice, start, sign-in (venue code
 * or clerk), quorum, minutes per item, decisions, close — and the print of its minutes.
 */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const handle = useMeeting(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { meeting } = handle;
  const live = meeting?.state === 'in_progress';
  // Decisions are taken from the start of the meeting on: from then its resolutions are worth asking for.
  const decides = live || meeting?.state === 'closed';
  const resolutions = useFetch<Paged<ResolutionOut>>(decides ? '/api/resolutions' : null, { meetingId: id, pageSize: 100 });
  const { reload } = handle;
  // During the meeting people sign themselves in by the venue code: the list and quorum follow.
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(reload, 10_000);
    return () => window.clearInterval(timer);
  }, [live, reload]);

  if (handle.error && !meeting) return <ErrorState error={handle.error} onRetry={handle.reload} />;
  if (!meeting) return <Loading />;
  const can = (a: (typeof meeting.actions)[number]) => meeting.actions.includes(a);
  const undecided = meeting.items.filter((i) => !i.decision).length;

  return (
    <div data-testid="meeting-page" data-state={meeting.state}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/meetings')} aria-label={t('dl.back')} />
        <span>{tx('dl.kind', meeting.kind)}</span>
        <MeetingStateTag state={meeting.state} testId="meeting-state" />
      </Space>
      <h1 className="gz-page-title" data-testid="meeting-title">{meeting.title}</h1>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={isMobile ? 1 : 3}
          items={[
            { key: 'time', label: t('dl.meeting.startsAt'), children: <span data-testid="meeting-time">{fmtTime(meeting.startsAt)}</span> },
            { key: 'place', label: t('dl.meeting.place'), children: meeting.place || '—' },
            { key: 'node', label: t('dl.community'), children: meeting.territory.name },
            { key: 'convener', label: t('dl.meeting.convener'), children: meeting.convener?.name ?? '—' },
            ...(meeting.noticedAt ? [{ key: 'noticed', label: t('dl.meeting.noticedAt'), children: fmtTime(meeting.noticedAt) }] : []),
            ...(meeting.publicNoticeDays ? [{ key: 'days', label: t('dl.meeting.publicNoticeDays'), children: meeting.publicNoticeDays }] : []),
          ]}
        />
        <QuorumBar quorum={meeting.quorum} setting={meeting.quorumSetting} />
        <div className="dl-actions" data-testid="meeting-actions">
          {can('edit') && <Button onClick={() => setDialog('edit')} data-testid="meeting-edit">{t('common.edit')}</Button>}
          {can('notice') && <Button type="primary" onClick={() => setDialog('notice')} data-testid="meeting-notice">{t('dl.meeting.notice')}</Button>}
          {can('start') && <Button type="primary" onClick={() => handle.act('/start', {}, 'POST', t('dl.meeting.started'))} data-testid="meeting-start">{t('dl.meeting.start')}</Button>}
          {meeting.state === 'in_progress' && can('signIn') && (
            <Button icon={<QrcodeOutlined />} onClick={() => window.open(`/meeting-venue/${meeting.id}`, '_blank')} data-testid="meeting-venue">{t('dl.meeting.venue')}</Button>
          )}
          {can('close') && <Button onClick={() => setDialog('close')} data-testid="meeting-close">{t('dl.meeting.close')}</Button>}
          {(meeting.state === 'in_progress' || meeting.state === 'closed') && (
            <Link to={`/print/meetings/${meeting.id}/minutes`} target="_blank"><Button icon={<PrinterOutlined />} data-testid="meeting-print">{t('dl.meeting.printMinutes')}</Button></Link>
          )}
          {can('cancel') && <Button danger onClick={() => setDialog('cancel')} data-testid="meeting-cancel">{t('dl.meeting.cancel')}</Button>}
        </div>
        {meeting.noticeText && (
          <Alert type="info" style={{ marginTop: 12, whiteSpace: 'pre-wrap' }} title={t('dl.meeting.noticeText')} description={<span data-testid="meeting-notice-text">{meeting.noticeText}</span>} />
        )}
        {meeting.summary && <Alert type="success" style={{ marginTop: 12, whiteSpace: 'pre-wrap' }} title={t('dl.meeting.summary')} description={meeting.summary} />}
      </Card>

      <div className="dl-meeting-grid">
        <ParticipantsPanel handle={handle} />
        <Space orientation="vertical" size={16} style={{ width: '100%', minWidth: 0 }}>
          <MeetingItemsPanel handle={handle} resolutions={resolutions.error ? [] : resolutions.data?.items} />
          {decides && <MeetingResolutions items={resolutions.data?.items ?? []} />}
        </Space>
      </div>

      {dialog === 'edit' && (
        <NewMeetingDialog open meeting={meeting} onClose={() => setDialog(null)} onDone={() => { setDialog(null); handle.reload(); }} />
      )}
      <TextDialog
        open={dialog === 'notice'}
        title={t('dl.meeting.notice')}
        label={t('dl.meeting.noticeLabel')}
        field="noticeText"
        required={false}
        rows={6}
        testId="meeting-notice-dialog"
        onClose={() => setDialog(null)}
        onSubmit={async (noticeText) => {
          await handle.send('/notice', noticeText ? { noticeText } : {});
        }}
      />
      <TextDialog
        open={dialog === 'close'}
        title={t('dl.meeting.close')}
        label={undecided ? t('dl.meeting.undecidedWarn', { n: undecided }) : t('dl.meeting.summaryLabel')}
        field="summary"
        required={false}
        testId="meeting-close-dialog"
        onClose={() => setDialog(null)}
        onSubmit={async (summary) => {
          await handle.send('/close', summary ? { summary } : {});
        }}
      />
      <TextDialog
        open={dialog === 'cancel'}
        title={t('dl.meeting.cancel')}
        label={t('dl.meeting.cancelReason')}
        field="reason"
        testId="meeting-cancel-dialog"
        onClose={() => setDialog(null)}
        onSubmit={async (reason) => {
          await handle.send('/cancel', { reason });
        }}
      />
    </div>
  );
}
