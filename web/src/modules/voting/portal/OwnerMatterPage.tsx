import { useEffect, useState } from 'react';
import { Alert, Card, Result, Tag, Typography } from 'antd';
import { ClockCircleOutlined, LeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtMinute, timeLeft } from '../shared/time-left';
import type { MyMatter } from '../shared/types';
import { BallotBox } from './BallotBox';
import { ReceiptCheck } from './ReceiptCheck';
import { ResultList } from './ResultList';

/** The clock, moving every 20 seconds: enough for a countdown in minutes. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 20_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

/** 距截止还有…: the time left, or that the time has come and the count is being frozen. */
function Deadline({ m, now }: { m: MyMatter; now: number }) {
  const { t, lang } = useI18n();
  if (!m.closesAt) return <div className="gz-m-row" style={{ color: '#888' }} data-testid="vote-time-left">{t('vote.portal.noDeadline')}</div>;
  const left = timeLeft(m.closesAt, now);
  const text = !left ? t('vote.portal.counting')
    : left.days > 0 ? t('vote.portal.leftDays', left)
      : left.hours > 0 ? t('vote.portal.leftHours', left) : t('vote.portal.leftMinutes', left);
  const urgent = !left || (left.days === 0 && left.hours < 24);
  return (
    <div style={{ marginBottom: 8 }}>
      <div style={{ fontSize: 16, fontWeight: 600, color: urgent ? '#cf1322' : '#1677ff' }} data-testid="vote-time-left">
        <ClockCircleOutlined /> {text}
      </div>
      <div style={{ color: '#888', fontSize: 13 }} data-testid="vote-closes-at">{t('vote.portal.closesAt', { at: fmtMinute(m.closesAt, lang) })}</div>
    </div>
  );
}

/** The frozen result of a closed vote: the verdict and every figure behind it. */
function FrozenResult({ m }: { m: MyMatter }) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" className="gz-m-card" title={t('vote.portal.result')} data-testid="vote-result">
      {m.closedAt && <div style={{ color: '#888', fontSize: 13, marginBottom: 8 }} data-testid="vote-closed-at">{t('vote.portal.closedAt', { at: fmtMinute(m.closedAt, lang) })}</div>}
      {m.result ? <ResultList tally={m.result} /> : <Alert type="info" message={t('vote.portal.noResult')} />}
      {m.myBallot && (
        <div style={{ marginTop: 8, fontSize: 13 }} data-testid="my-ballot">
          {t('vote.portal.myChoice', { choice: t(`vote.choice.${m.myBallot.choice}`) })} · {t('vote.portal.receipt')}<span className="gz-mono" data-testid="my-receipt">{m.myBallot.receipt}</span>
        </div>
      )}
    </Card>
  );
}

/** 表决事项: one matter for its owner — time left and the ballot while open, the frozen verdict after. */
export function OwnerMatterPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const now = useNow();
  const list = useFetch<{ items: MyMatter[] }>('/api/my/vote-matters');
  const m = list.data?.items.find((x) => x.id === id);
  const due = m?.state === 'open' && !!m.closesAt && timeLeft(m.closesAt, now) === null;
  // Past the closing time the timer freezes the result within a minute: look again until it has.
  useEffect(() => {
    if (!due) return;
    const timer = setInterval(list.reload, 20_000);
    return () => clearInterval(timer);
  }, [due, list.reload]);
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  if (!m) return <Result status="404" subTitle={t('vote.portal.notFound')} />;
  const tag = m.state === 'open' ? <Tag color="blue">{t('vote.state.open')}</Tag> : <Tag>{t('vote.state.closed')}</Tag>;
  return (
    <div data-testid="vote-matter-page">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '18px 0 8px', fontSize: 16, fontWeight: 600 }}>
        <LeftOutlined onClick={() => navigate('/m/votes')} style={{ padding: 8, margin: -8 }} role="button" aria-label={t('vote.portal.back')} data-testid="vote-back" />
        <span>{t('vote.portal.title')}</span>
      </div>
      <Card size="small" className="gz-m-card" data-testid={`my-matter-${m.id}`} title={<span style={{ whiteSpace: 'normal' }}>{m.title}</span>} extra={tag}>
        <div style={{ color: '#888', fontSize: 13, marginBottom: 8 }}>{m.estateName} · {t(`vote.kind.${m.kind}`)}</div>
        {m.description && <Typography.Paragraph style={{ marginBottom: 8 }}>{m.description}</Typography.Paragraph>}
        {m.state === 'open' && <Deadline m={m} now={now} />}
        {m.state === 'open' && <BallotBox m={m} canVote={!due} onVoted={list.reload} />}
      </Card>
      {m.state === 'closed' && <FrozenResult m={m} />}
      <ReceiptCheck matterId={m.id} />
    </div>
  );
}
