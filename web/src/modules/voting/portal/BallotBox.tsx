import { useState } from 'react';
import { Alert, Button, Modal, Space } from 'antd';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import type { Ballot, Choice, MyMatter } from '../shared/types';

const CHOICES: Choice[] = ['for', 'against', 'abstain'];

/** The owner's ballot on an open matter: cast, see the receipt code, change it if the estate allows. */
export function BallotBox({ m, canVote, onVoted }: { m: MyMatter; canVote: boolean; onVoted: () => void }) {
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
      setPending(null);
      notify.error(err);
      onVoted();
    } finally {
      setBusy(false);
    }
  };
  const showChoices = canVote && (!b || changing);
  return (
    <>
      {b && (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} data-testid="my-ballot"
          message={t('vote.portal.voted', { choice: t(`vote.choice.${b.choice}`) })}
          description={<span>{t('vote.portal.receipt')}<strong className="gz-mono" data-testid="my-receipt" style={{ fontSize: 16, letterSpacing: 1 }}>{b.receipt}</strong><br />{t('vote.portal.receiptHint')}</span>} />
      )}
      {showChoices ? (
        <Space.Compact block>
          {CHOICES.map((c) => (
            <Button key={c} size="large" style={{ flex: 1 }} type={c === 'for' ? 'primary' : 'default'} danger={c === 'against'}
              onClick={() => setPending(c)} data-testid={`vote-${c}`}>{t(`vote.choice.${c}`)}</Button>
          ))}
        </Space.Compact>
      ) : canVote && m.ballotsChangeable ? (
        <Button block onClick={() => setChanging(true)} data-testid="vote-change">{t('vote.portal.change')}</Button>
      ) : canVote ? <div style={{ color: '#888', fontSize: 13 }}>{t('vote.portal.final')}</div> : null}
      <Modal open={pending !== null} title={t('vote.portal.confirmTitle')} onCancel={() => setPending(null)} onOk={cast} confirmLoading={busy}
        okText={t('vote.portal.confirmOk')} okButtonProps={{ 'data-testid': 'vote-confirm' }} destroyOnHidden>
        <p data-testid="vote-confirm-text">{t('vote.portal.confirmText', { title: m.title, choice: pending ? t(`vote.choice.${pending}`) : '' })}</p>
        {!m.ballotsChangeable && <Alert type="warning" message={t('vote.portal.final')} />}
      </Modal>
    </>
  );
}
