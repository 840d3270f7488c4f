import { useState } from 'react';
import { Button, Card, Checkbox, Empty, Form, Input, List, Modal, Select, Space, Tag } from 'antd';
import { CheckCircleFilled, UserAddOutlined, WarningFilled } from '@ant-design/icons';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { fmtTime } from '../shared/Tags';
import { CAPACITIES, FOUR_BODIES, type Capacity, type MeetingDetail, type SuggestedParticipant } from '../shared/types';
import type { MeetingHandle } from './useMeeting';

/** Four-in-one: the four bodies, each green when a voting representative sits for it, red when none does. */
export function FourBodies({ meeting }: { meeting: MeetingDetail }) {
  const { t, tx } = useI18n();
  if (!meeting.fourBodies) return null;
  const missing = FOUR_BODIES.filter((b) => !meeting.fourBodies![b]);
  return (
    <div className="dl-four" data-testid="meeting-four-bodies" data-missing={missing.join(',')}>
      {FOUR_BODIES.map((b) => (
        <div key={b} className={`dl-four-body ${meeting.fourBodies![b] ? 'ok' : 'missing'}`} data-testid={`meeting-body-${b}`} data-present={meeting.fourBodies![b]}>
          {meeting.fourBodies![b] ? <CheckCircleFilled /> : <WarningFilled />} {tx('dl.capacity', b)}
        </div>
      ))}
      {missing.length > 0 && <div className="dl-four-hint" data-testid="meeting-bodies-missing">{t('dl.four.missing', { list: missing.map((b) => tx('dl.capacity', b)).join('、') })}</div>}
    </div>
  );
}

function SuggestDialog({ open, handle, onClose }: { open: boolean; handle: MeetingHandle; onClose: () => void }) {
  const { t, tx } = useI18n();
  const notify = useNotify();
  const meeting = handle.meeting!;
  const suggested = useFetch<{ items: SuggestedParticipant[]; missing: Capacity[] }>(open ? `/api/meetings/${meeting.id}/suggested-participants` : null);
  const seated = new Set(meeting.participants.map((p) => p.personId));
  const items = (suggested.data?.items ?? []).filter((s) => !seated.has(s.personId));
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    setBusy(true);
    try {
      for (const s of items.filter((i) => picked.includes(i.personId))) {
        await handle.send('/participants', { personId: s.personId, bodyId: s.bodyId, capacity: s.capacity });
      }
      notify.success(t('dl.participants.added', { n: picked.length }));
      setPicked([]);
      onClose();
    } catch (err) {
      notify.error(err);
      handle.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('dl.participants.suggested')} onCancel={onClose} onOk={add} okText={t('dl.participants.addPicked', { n: picked.length })}
      cancelText={t('common.cancel')} okButtonProps={{ disabled: !picked.length, loading: busy, 'data-testid': 'participants-suggest-submit' }} destroyOnHidden>
      {suggested.data?.missing.length ? (
        <div className="dl-warn" data-testid="participants-suggest-missing">{t('dl.four.noBody', { list: suggested.data.missing.map((c) => tx('dl.capacity', c)).join('、') })}</div>
      ) : null}
      <Checkbox.Group value={picked} onChange={(v) => setPicked(v as string[])} style={{ width: '100%' }}>
        <List
          loading={suggested.loading}
          dataSource={items}
          locale={{ emptyText: t('dl.participants.noSuggestion') }}
          renderItem={(s) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Checkbox value={s.personId} data-testid={`participants-suggest-${s.personId}`}>
                <strong>{s.name}</strong> <Tag>{tx('dl.capacity', s.capacity)}</Tag>
                <span style={{ color: '#888' }}>{s.bodyName}{s.position ? ` · ${tx('position', s.position)}` : ''}</span>
              </Checkbox>
            </List.Item>
          )}
        />
      </Checkbox.Group>
      {items.length > 0 && (
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => setPicked(items.map((i) => i.personId))} data-testid="participants-suggest-all">{t('dl.participants.pickAll')}</Button>
      )}
    </Modal>
  );
}

function GuestDialog({ open, handle, onClose }: { open: boolean; handle: MeetingHandle; onClose: () => void }) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<{ name: string; capacity: Capacity }>();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await handle.send('/participants', { name: v.name.trim(), capacity: v.capacity });
    form.resetFields();
    onClose();
  });
  return (
    <Modal open={open} title={t('dl.participants.guest')} onCancel={onClose} onOk={submit} okText={t('common.save')} cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'participants-guest-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ capacity: 'resident_rep' }}>
        <Form.Item name="name" label={t('dl.participants.name')} rules={[{ required: true, whitespace: true, message: t('dl.required') }]}>
          <Input maxLength={60} data-testid="participants-guest-name" />
        </Form.Item>
        <Form.Item name="capacity" label={t('dl.participants.capacity')}>
          {/* The four bodies are seated from their members (above): a name alone cannot stand for a body. */}
          <Select options={CAPACITIES.filter((c) => !(FOUR_BODIES as readonly string[]).includes(c)).map((c) => ({ value: c, label: tx('dl.capacity', c) }))} data-testid="participants-guest-capacity" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Who sits for whom, who has signed in and how; the clerk signs people in with one tap. */
export function ParticipantsPanel({ handle }: { handle: MeetingHandle }) {
  const { t, tx } = useI18n();
  const meeting = handle.meeting!;
  const [suggesting, setSuggesting] = useState(false);
  const [guest, setGuest] = useState(false);
  const canInvite = meeting.actions.includes('invite');
  const canSignIn = meeting.actions.includes('signIn');

  return (
    <Card
      size="small"
      title={t('dl.participants.title', { n: meeting.participants.length })}
      data-testid="meeting-participants"
      extra={canInvite && (
        <Space wrap size={4}>
          <Button size="small" type="primary" icon={<UserAddOutlined />} onClick={() => setSuggesting(true)} data-testid="participants-suggest">{t('dl.participants.fromBodies')}</Button>
          <Button size="small" onClick={() => setGuest(true)} data-testid="participants-guest">{t('dl.participants.guest')}</Button>
        </Space>
      )}
    >
      <FourBodies meeting={meeting} />
      {meeting.participants.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dl.participants.none')} /> : (
        <List
          size="small"
          dataSource={meeting.participants}
          renderItem={(p) => (
            <List.Item data-testid={`participant-${p.id}`} data-signed-in={!!p.signedInAt} className="dl-participant">
              <div style={{ minWidth: 0 }}>
                <strong data-testid={`participant-name-${p.id}`}>{p.name}</strong>{' '}
                <Tag color={FOUR_BODIES.includes(p.capacity as (typeof FOUR_BODIES)[number]) ? 'red' : undefined}>{tx('dl.capacity', p.capacity)}</Tag>
                {!p.voting && <Tag>{t('dl.participants.nonVoting')}</Tag>}
                {p.bodyName && <div className="dl-row-meta">{p.bodyName}</div>}
              </div>
              <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
                {p.signedInAt ? (
                  <Tag color="green" data-testid={`participant-signed-${p.id}`}>{t('dl.participants.signedIn', { time: fmtTime(p.signedInAt).slice(11), how: tx('dl.signInMethod', p.signInMethod) })}</Tag>
                ) : canSignIn ? (
                  <Button size="small" type="primary" ghost onClick={() => handle.act('/sign-in', { participantId: p.id }, 'POST', null)} data-testid={`participant-sign-in-${p.id}`}>{t('dl.participants.signIn')}</Button>
                ) : meeting.state === 'in_progress' ? <Tag>{t('dl.participants.absent')}</Tag> : null}
                {canInvite && !p.signedInAt && (
                  <Button size="small" type="text" danger onClick={() => handle.act(`/participants/${p.id}`, undefined, 'DELETE')} data-testid={`participant-remove-${p.id}`}>{t('dl.remove')}</Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      <SuggestDialog open={suggesting} handle={handle} onClose={() => setSuggesting(false)} />
      <GuestDialog open={guest} handle={handle} onClose={() => setGuest(false)} />
    </Card>
  );
}
