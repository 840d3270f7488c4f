import { useEffect, useState } from 'react';
import { Button, Card, Result } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useProblemText } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { Loading } from '../../../app/ui/States';
import { fmtSpan, fmtTime } from '../shared/periods';
import type { Activity, Signup } from '../shared/types';

type Outcome =
  | { kind: 'working' }
  | { kind: 'askCheckout'; activity: Activity }
  | { kind: 'done'; action: 'checkin' | 'checkout' | 'already'; activity: Activity; signup: Signup }
  | { kind: 'error'; error: unknown };

/** A check-out this soon after check-in is more likely a second look at the page than leaving. */
const CONFIRM_CHECKOUT_WITHIN_MS = 2 * 60_000;

/**
 * Opening a scanned URL sends it only once per page load, even when React runs effects twice
 * in development: a second send would turn a check-in into an immediate check-out.
 */
const sent = new Map<string, Promise<Outcome>>();

async function scan(activityId: string, code: string): Promise<Outcome> {
  const activity = await api<Activity>(`/api/activities/${activityId}`);
  const s = activity.mySignup;
  if (s?.state === 'checked_out') return { kind: 'done', action: 'already', activity, signup: s };
  if (s?.state === 'checked_in') {
    if (Date.now() - new Date(s.checkedInAt!).getTime() < CONFIRM_CHECKOUT_WITHIN_MS) return { kind: 'askCheckout', activity };
    return checkout(activity, code);
  }
  const signup = await api<Signup>(`/api/activities/${activityId}/checkin`, { method: 'POST', body: { code } });
  return { kind: 'done', action: 'checkin', activity, signup };
}

async function checkout(activity: Activity, code: string): Promise<Outcome> {
  const signup = await api<Signup>(`/api/activities/${activity.id}/checkout`, { method: 'POST', body: { code } });
  return { kind: 'done', action: 'checkout', activity, signup };
}

/** /m/checkin?activity=…&code=…: the address the venue's QR code holds. */
export default function CheckinPage() {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [params] = useSearchParams();
  const activityId = params.get('activity') ?? '';
  const code = params.get('code') ?? '';
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'working' });

  useEffect(() => {
    if (!activityId || !code) return;
    const key = `${activityId}:${code}`;
    if (!sent.has(key)) sent.set(key, scan(activityId, code).catch((error: unknown) => ({ kind: 'error', error }) as Outcome));
    let live = true;
    sent.get(key)!.then((o) => live && setOutcome(o));
    return () => {
      live = false;
    };
  }, [activityId, code]);

  const confirmCheckout = async (activity: Activity) => {
    setOutcome({ kind: 'working' });
    setOutcome(await checkout(activity, code).catch((error: unknown) => ({ kind: 'error', error }) as Outcome));
  };

  const back = (
    <Link to="/m/services" key="back">
      <Button size="large" data-testid="checkin-back">{t('m.checkin.back')}</Button>
    </Link>
  );

  if (!activityId || !code) {
    return (
      <Card className="gz-m-card" data-testid="checkin-result" data-state="error">
        <Result status="warning" title={<span data-testid="checkin-title">{t('m.checkin.badLink')}</span>} extra={back} />
      </Card>
    );
  }
  if (outcome.kind === 'working') return <Loading />;
  if (outcome.kind === 'error') {
    return (
      <Card className="gz-m-card" data-testid="checkin-result" data-state="error">
        <Result
          status="error"
          title={<span data-testid="checkin-title">{t('m.checkin.failed')}</span>}
          subTitle={<span data-testid="checkin-detail">{problemText(outcome.error)}</span>}
          extra={back}
        />
      </Card>
    );
  }
  if (outcome.kind === 'askCheckout') {
    const a = outcome.activity;
    return (
      <Card className="gz-m-card" data-testid="checkin-result" data-state="ask-checkout">
        <Result
          status="info"
          title={<span data-testid="checkin-title">{t('m.checkin.alreadyIn')}</span>}
          subTitle={<span data-testid="checkin-detail">{a.title} · {t('m.checkin.inAt', { time: fmtTime(a.mySignup?.checkedInAt) })}</span>}
          extra={[
            <Button key="out" type="primary" size="large" onClick={() => confirmCheckout(a)} data-testid="checkin-confirm-checkout">
              {t('m.checkin.checkoutNow')}
            </Button>,
            back,
          ]}
        />
      </Card>
    );
  }
  const { action, activity: a, signup: s } = outcome;
  const state = action === 'checkin' ? 'checked-in' : 'checked-out';
  return (
    <Card className="gz-m-card" data-testid="checkin-result" data-state={state}>
      <Result
        status="success"
        title={<span data-testid="checkin-title">{action === 'checkin' ? t('m.checkin.in') : action === 'checkout' ? t('m.checkin.out') : t('m.checkin.alreadyOut')}</span>}
        subTitle={
          <div data-testid="checkin-detail">
            <div style={{ fontWeight: 600, color: '#333' }}>{a.title}</div>
            <div>{fmtSpan(a.startsAt, a.endsAt)}</div>
            {a.place && <div>{a.place}</div>}
            {action === 'checkin' && <div>{t('m.checkin.inAt', { time: fmtTime(s.checkedInAt) })}</div>}
            {action === 'checkin' && <div>{t('m.checkin.scanAgain')}</div>}
            {action !== 'checkin' && (
              <div data-testid="checkin-points">{t('m.activity.earned', { hours: s.hours ?? 0, points: s.points ?? 0 })}</div>
            )}
          </div>
        }
        extra={[
          action !== 'checkin' && (
            <Link to="/m/points" key="points"><Button type="primary" size="large" data-testid="checkin-to-points">{t('m.checkin.toPoints')}</Button></Link>
          ),
          back,
        ]}
      />
    </Card>
  );
}
