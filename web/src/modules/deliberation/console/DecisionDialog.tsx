import { useState } from 'react';
import { Alert, Button, InputNumber, Modal, Radio, Segmented, Space } from 'antd';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import type { Choice, MeetingItem } from '../shared/types';
import type { MeetingHandle } from './useMeeting';

const CHOICES: Choice[] = ['for', 'against', 'abstain'];

/**
 * The decision on one item: a show of hands recorded by name (every present voting participant,
 * once), or the counts of a secret ballot. The outcome follows the meeting's rule: adopted when
 * more than half of those present vote for.
 */
export function DecisionDialog({ handle, item, onClose }: { handle: MeetingHandle; item: MeetingItem | null; onClose: () => void }) {
  const { t, tx } = useI18n();
  const notify = useNotify();
  const meeting = handle.meeting!;
  const voters = meeting.participants.filter((p) => p.voting && p.signedInAt);
  const [method, setMethod] = useState<'show_of_hands' | 'secret_ballot'>('show_of_hands');
  const [votes, setVotes] = useState<Record<string, Choice>>({});
  const [counts, setCounts] = useState({ for: 0, against: 0, abstain: 0 });
  const [busy, setBusy] = useState(false);

  const present = voters.length;
  const tally = method === 'show_of_hands'
    ? { for: voters.filter((v) => votes[v.id] === 'for').length, against: voters.filter((v) => votes[v.id] === 'against').length, abstain: voters.filter((v) => votes[v.id] === 'abstain').length }
    : counts;
  const complete = method === 'show_of_hands' ? voters.every((v) => votes[v.id]) : tally.for + tally.against + tally.abstain <= present;
  const adopted = 2 * tally.for > present;

  const submit = async () => {
    if (!item) return;
    setBusy(true);
    try {
      await handle.send(`/items/${item.id}/decision`, method === 'show_of_hands'
        ? { method, votes: voters.map((v) => ({ participantId: v.id, choice: votes[v.id] })) }
        : { method, ...counts });
      notify.success(t('dl.decision.recorded'));
      setVotes({});
      setCounts({ for: 0, against: 0, abstain: 0 });
      onClose();
    } catch (err) {
      notify.error(err);
      handle.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!item}
      title={t('dl.decision.title', { title: item?.agendaItem.title ?? '' })}
      onCancel={onClose}
      onOk={submit}
      okText={t('dl.decision.record')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !complete || present === 0, loading: busy, 'data-testid': 'decision-submit' }}
      destroyOnHidden
      width={560}
    >
      <Segmented
        block
        value={method}
        onChange={(v) => setMethod(v as typeof method)}
        options={[
          { value: 'show_of_hands', label: <span data-testid="decision-method-show_of_hands">{tx('dl.method', 'show_of_hands')}</span> },
          { value: 'secret_ballot', label: <span data-testid="decision-method-secret_ballot">{tx('dl.method', 'secret_ballot')}</span> },
        ]}
        style={{ marginBottom: 12 }}
      />
      {present === 0 && <Alert type="warning" showIcon title={t('dl.decision.nobodyPresent')} />}
      {method === 'show_of_hands' ? (
        <>
          <Space style={{ marginBottom: 8 }} wrap>
            {CHOICES.map((c) => (
              <Button key={c} size="small" onClick={() => setVotes(Object.fromEntries(voters.map((v) => [v.id, c])))} data-testid={`decision-all-${c}`}>
                {t('dl.decision.all', { choice: tx('dl.choice', c) })}
              </Button>
            ))}
          </Space>
          <div className="dl-votes" data-testid="decision-votes">
            {voters.map((v) => (
              <div key={v.id} className="dl-vote-row" data-testid={`decision-voter-${v.id}`}>
                <span className="dl-vote-name">{v.name}<span className="dl-row-meta"> {tx('dl.capacity', v.capacity)}</span></span>
                <Radio.Group
                  value={votes[v.id]}
                  onChange={(e) => setVotes((cur) => ({ ...cur, [v.id]: e.target.value as Choice }))}
                  optionType="button"
                  buttonStyle="solid"
                  size="small"
                  options={CHOICES.map((c) => ({ value: c, label: <span data-testid={`decision-vote-${v.id}-${c}`}>{tx('dl.choice', c)}</span> }))}
                />
              </div>
            ))}
          </div>
        </>
      ) : (
        <Space wrap>
          {CHOICES.map((c) => (
            <label key={c}>
              {tx('dl.choice', c)}{' '}
              <InputNumber min={0} max={present} value={counts[c]} onChange={(n) => setCounts((cur) => ({ ...cur, [c]: n ?? 0 }))} data-testid={`decision-count-${c}`} />
            </label>
          ))}
        </Space>
      )}
      <div className="dl-decision-preview" data-testid="decision-preview" data-outcome={adopted ? 'adopted' : 'rejected'}>
        {t('dl.decision.preview', { for: tally.for, against: tally.against, abstain: tally.abstain, present })}
        {' → '}
        <strong style={{ color: adopted ? '#389e0d' : '#b7181f' }}>{tx('dl.outcome', adopted ? 'adopted' : 'rejected')}</strong>
        <div className="dl-row-meta">{t('dl.decision.rule')}</div>
      </div>
    </Modal>
  );
}
