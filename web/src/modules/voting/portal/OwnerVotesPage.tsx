import { Card, Empty, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { timeLeft } from '../shared/time-left';
import type { MyMatter } from '../shared/types';

const VERDICT_COLOR = { passed: 'green', failed: 'red', invalid: 'orange' } as const;

/** One matter in the owner's list: where it stands, and a tap to its page. */
function MatterCard({ m }: { m: MyMatter }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const left = m.state === 'open' && m.closesAt ? timeLeft(m.closesAt, Date.now()) : null;
  const status = m.state === 'closed'
    ? m.result && <Tag color={VERDICT_COLOR[m.result.verdict]}>{t(`vote.verdict.${m.result.verdict}`)}</Tag>
    : m.myBallot ? <Tag color="green">{t('vote.portal.votedShort')}</Tag> : <Tag color="red">{t('vote.portal.toVote')}</Tag>;
  return (
    <Card size="small" className="gz-m-card" hoverable data-testid={`my-matter-${m.id}`} onClick={() => navigate(`/m/votes/${m.id}`)}>
      <div className="gz-m-row" style={{ alignItems: 'flex-start', gap: 8 }}>
        <strong style={{ flex: 1 }}>{m.title}</strong>
        {status}
      </div>
      <div style={{ color: '#888', fontSize: 13, marginTop: 4 }}>
        {m.estateName}
        {m.state === 'open' && m.closesAt && ` · ${left
          ? (left.days > 0 ? t('vote.portal.leftDays', left) : left.hours > 0 ? t('vote.portal.leftHours', left) : t('vote.portal.leftMinutes', left))
          : t('vote.portal.counting')}`}
      </div>
    </Card>
  );
}

/** 业主表决: the owner's open matters to vote on and the results of closed ones. */
export function OwnerVotesPage() {
  const { t } = useI18n();
  const list = useFetch<{ items: MyMatter[] }>('/api/my/vote-matters');
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const open = list.data.items.filter((m) => m.state === 'open');
  const closed = list.data.items.filter((m) => m.state === 'closed');
  return (
    <div data-testid="owner-votes">
      <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>{t('vote.portal.open')}</Typography.Title>
      {open.length ? open.map((m) => <MatterCard key={m.id} m={m} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vote.portal.none')} />}
      {closed.length > 0 && <Typography.Title level={5} style={{ margin: '12px 0 8px' }}>{t('vote.portal.closed')}</Typography.Title>}
      {closed.map((m) => <MatterCard key={m.id} m={m} />)}
    </div>
  );
}

/** The home-tab entry, shown only to an owner on some estate's register. */
export function OwnerVotesEntry() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useFetch<{ items: MyMatter[] }>('/api/my/vote-matters');
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  const waiting = items.filter((m) => m.state === 'open' && !m.myBallot).length;
  return (
    <Card size="small" className="gz-m-card" data-testid="m-home-votes-entry" hoverable onClick={() => navigate('/m/votes')}>
      <div className="gz-m-row">
        <strong>{t('vote.portal.title')}</strong>
        {waiting > 0 ? <Tag color="red">{t('vote.portal.waiting', { count: waiting })}</Tag> : <Tag>{t('vote.portal.seeAll')}</Tag>}
      </div>
    </Card>
  );
}
