import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../app/api';
import { useNotify, useProblemText } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { type Ballot, type Choice, type MyMatter, fmtRatio } from '../shared/types';

const CHOICES: Choice[] = ['for', 'against', 'abstain'];

function OpenMatter({ m, onVoted }: { m: MyMatter; onVoted: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [pending, setPending] = useState<Choice | null>(null);
  const [busy, setBusy] = useState(false);
  const [changing, setChanging] = useState(false);
  const b = m.myBallot;
  const cast = async () => {
    setBusy(true);
    try {
      await api<Ballot>(`/api/vote-matters/${m.id}/ballot`, { method: 'POST', body: { choice: pending } });
      setPending(null);
      setChanging(false);
      onVoted();
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  };
  const showChoices = !b || changing;
  return (
    <Card size="small" className="gz-m-card" data-testid={`my-matter-${m.id}`} title={m.title} extra={<Tag color="blue">{t('vote.state.open')}</Tag>}>
      <div style={{ color: '#888', fontSize: 13, marginBottom: 8 }}>{m.estateName} · {t(`vote.kind.${m.kind}`)}</div>
      {m.description && <Typography.Paragraph style={{ marginBottom: 8 }}>{m.description}</Typography.Paragraph>}
      {b && (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} data-testid="my-ballot"
          message={t('vote.portal.voted', { choice: t(`vote.choice.${b.choice}`) })}
          description={<span>{t('vote.portal.receipt')}<strong className="gz-mono" data-testid="my-receipt" style={{ fontSize: 16, letterSpacing: 1 }}>{b.receipt}</strong></span>} />
      )}
      {showChoices ? (
        <Space.Compact block>
          {CHOICES.map((c) => (
            <Button key={c} size="large" style={{ flex: 1 }} type={c === 'for' ? 'primary' : 'default'} danger={c === 'against'}
              onClick={() => setPending(c)} data-testid={`vote-${c}`}>{t(`vote.choice.${c}`)}</Button>
          ))}
        </Space.Compact>
      ) : m.ballotsChangeable ? (
        <Button block onClick={() => setChanging(true)} data-testid="vote-change">{t('vote.portal.change')}</Button>
      ) : <div style={{ color: '#888', fontSize: 13 }}>{t('vote.portal.final')}</div>}
      <Modal open={pending !== null} title={t('vote.portal.confirmTitle')} onCancel={() => setPending(null)} onOk={cast} confirmLoading={busy}
        okText={t('vote.portal.confirmOk')} okButtonProps={{ 'data-testid': 'vote-confirm' }} destroyOnHidden>
        <p data-testid="vote-confirm-text">{t('vote.portal.confirmText', { title: m.title, choice: pending ? t(`vote.choice.${pending}`) : '' })}</p>
        {!m.ballotsChangeable && <Alert type="warning" message={t('vote.portal.final')} />}
      </Modal>
    </Card>
  );
}

function ClosedMatter({ m }: { m: MyMatter }) {
  const { t } = useI18n();
  const r = m.result;
  const color = r?.verdict === 'passed' ? 'green' : r?.verdict === 'failed' ? 'red' : 'orange';
  return (
    <Card size="small" className="gz-m-card" data-testid={`my-matter-${m.id}`} title={m.title} extra={r && <Tag color={color}>{t(`vote.verdict.${r.verdict}`)}</Tag>}>
      <div style={{ color: '#888', fontSize: 13, marginBottom: 8 }}>{m.estateName} · {t(`vote.kind.${m.kind}`)}</div>
      {r && r.conditions.map((c) => (
        <div key={c.name} className="gz-m-row" style={{ color: c.met ? '#389e0d' : '#cf1322' }}>
          <span>{t(`vote.cond.${c.name}`)}</span>
          <span>{fmtRatio(c.ratio)}（{t(`vote.rule.${c.threshold.rule}`)} {c.threshold.num}/{c.threshold.den}）</span>
        </div>
      ))}
      {m.myBallot && <div style={{ marginTop: 6, fontSize: 13 }}>{t('vote.portal.myChoice', { choice: t(`vote.choice.${m.myBallot.choice}`) })} · <span className="gz-mono">{m.myBallot.receipt}</span></div>}
    </Card>
  );
}

function ReceiptCheck() {
  const { t } = useI18n();
  const problem = useProblemText();
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const check = async () => {
    try {
      const r = await api<{ matterTitle: string; mine: boolean; choice: Choice | null }>('/api/ballot-receipts/check', { method: 'POST', body: { receipt: code } });
      setAnswer(r.mine && r.choice ? t('vote.portal.countedMine', { title: r.matterTitle, choice: t(`vote.choice.${r.choice}`) }) : t('vote.portal.counted', { title: r.matterTitle }));
    } catch (err) {
      setAnswer(problem(err));
    }
  };
  return (
    <Card size="small" className="gz-m-card" title={t('vote.portal.check')}>
      <Space.Compact block>
        <Input value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('vote.portal.checkPlaceholder')} data-testid="receipt-input" maxLength={20} />
        <Button onClick={check} disabled={code.trim().length < 8} data-testid="receipt-check">{t('vote.portal.checkGo')}</Button>
      </Space.Compact>
      {answer && <div style={{ marginTop: 8 }} data-testid="receipt-answer">{answer}</div>}
    </Card>
  );
}

/** 业主表决: an owner's open matters to vote on, their receipts, and the results of closed ones. */
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
      {open.length ? open.map((m) => <OpenMatter key={m.id} m={m} onVoted={list.reload} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vote.portal.none')} />}
      <ReceiptCheck />
      {closed.length > 0 && <Typography.Title level={5} style={{ margin: '12px 0 8px' }}>{t('vote.portal.closed')}</Typography.Title>}
      {closed.map((m) => <ClosedMatter key={m.id} m={m} />)}
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
