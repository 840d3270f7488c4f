import { useRef, useState } from 'react';
import { AutoComplete, Button, Input, type InputRef } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { MeetingDetail } from '../shared/types';
import type { MeetingHandle } from './useMeeting';

/**
 * One line of minutes, typed as people speak: pick or type the speaker, write what they said,
 * Enter records it and leaves the cursor in the opinion for the next speaker.
 */
export function MinutesForm({ handle, meetingItemId, testId }: { handle: MeetingHandle; meetingItemId: string | null; testId: string }) {
  const { t } = useI18n();
  const meeting = handle.meeting as MeetingDetail;
  const [speaker, setSpeaker] = useState('');
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const opinionRef = useRef<InputRef>(null);

  const submit = async () => {
    const name = speaker.trim();
    const words = opinion.trim();
    if (!name || !words) return;
    const participant = meeting.participants.find((p) => p.name === name);
    setBusy(true);
    const ok = await handle.act('/minutes', {
      opinion: words,
      meetingItemId: meetingItemId ?? undefined,
      ...(participant ? { participantId: participant.id } : { speaker: name }),
    }, 'POST', null);
    setBusy(false);
    if (ok) {
      setOpinion('');
      opinionRef.current?.focus();
    }
  };

  return (
    <div className="dl-minutes-form" data-testid={testId}>
      <AutoComplete
        value={speaker}
        onChange={setSpeaker}
        options={meeting.participants.map((p) => ({ value: p.name, label: `${p.name}${p.bodyName ? ` · ${p.bodyName}` : ''}` }))}
        filterOption={(input, o) => String(o?.value ?? '').includes(input)}
        placeholder={t('dl.minutes.speaker')}
        className="dl-minutes-speaker"
      >
        <Input data-testid={`${testId}-speaker`} />
      </AutoComplete>
      <Input
        ref={opinionRef}
        value={opinion}
        onChange={(e) => setOpinion(e.target.value)}
        onPressEnter={submit}
        placeholder={t('dl.minutes.opinion')}
        maxLength={2000}
        className="dl-minutes-opinion"
        data-testid={`${testId}-opinion`}
      />
      <Button type="primary" onClick={submit} loading={busy} disabled={!speaker.trim() || !opinion.trim()} data-testid={`${testId}-add`}>{t('dl.minutes.add')}</Button>
    </div>
  );
}
