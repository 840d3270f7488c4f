import { useEffect, useState } from 'react';
import { Button, Card, Result } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useProblemText } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { Loading } from '../../../app/ui/States';
import { fmtTime } from '../shared/Tags';
import type { MeetingDetail } from '../shared/types';

type Outcome = { kind: 'working' } | { kind: 'done'; meeting: MeetingDetail } | { kind: 'error'; error: unknown };

/** A scanned address is sent once per page load, even when React runs effects twice in development. */
const sent = new Map<string, Promise<Outcome>>();

/** /m/meeting-checkin?meeting=…&code=…: what the venue's QR code opens; signs the participant in. */
export default function MeetingCheckinPage() {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [params] = useSearchParams();
  const meetingId = params.get('meeting') ?? '';
  const code = params.get('code') ?? '';
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'working' });

  useEffect(() => {
    if (!meetingId || !code) return;
    const key = `${meetingId}:${code}`;
    if (!sent.has(key)) {
      sent.set(key, api<MeetingDetail>(`/api/meetings/${meetingId}/check-in`, { method: 'POST', body: { code } })
        .then((meeting): Outcome => ({ kind: 'done', meeting }))
        .catch((error: unknown): Outcome => ({ kind: 'error', error })));
    }
    let live = true;
    sent.get(key)!.then((o) => live && setOutcome(o));
    return () => {
      live = false;
    };
  }, [meetingId, code]);

  const back = <Link to={meetingId ? `/m/meetings/${meetingId}` : '/m/meetings'} key="back"><Button size="large" data-testid="m-checkin-back">{t('dl.m.toMeeting')}</Button></Link>;
  if (!meetingId || !code) {
    return <Card className="gz-m-card" data-testid="m-checkin-result" data-state="error"><Result status="warning" title={t('dl.m.badLink')} extra={back} /></Card>;
  }
  if (outcome.kind === 'working') return <Loading />;
  if (outcome.kind === 'error') {
    return (
      <Card className="gz-m-card" data-testid="m-checkin-result" data-state="error">
        <Result status="error" title={t('dl.m.checkInFailed')} subTitle={<span data-testid="m-checkin-detail">{problemText(outcome.error)}</span>} extra={back} />
      </Card>
    );
  }
  const m = outcome.meeting;
  return (
    <Card className="gz-m-card" data-testid="m-checkin-result" data-state="signed-in">
      <Result
        status="success"
        title={<span data-testid="m-checkin-title">{t('dl.m.signedIn')}</span>}
        subTitle={<div data-testid="m-checkin-detail"><div style={{ fontWeight: 600, color: '#333' }}>{m.title}</div><div>{m.me?.signedInAt ? t('dl.m.signedInAt', { time: fmtTime(m.me.signedInAt).slice(11) }) : ''}</div></div>}
        extra={back}
      />
    </Card>
  );
}
