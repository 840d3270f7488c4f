import { Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { useGrantNodes } from '../../members/shared/grantNodes';
import { MEETING_KINDS, type MeetingDetail, type MeetingKind } from '../shared/types';

interface Values {
  territoryId: string;
  kind: MeetingKind;
  title: string;
  place?: string;
  startsAt: string;
  quorum?: number | null;
  publicNoticeDays?: number | null;
}

/**
 * A new meeting in draft: who, what kind, when and where; participants and agenda follow on its
 * page. Given a draft `meeting`, the same form changes its title, time, place and quorum.
 */
export function NewMeetingDialog({ open, meeting, onClose, onDone }: {
  open: boolean; meeting?: MeetingDetail; onClose: () => void; onDone: (id: string, next: MeetingDetail) => void;
}) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<Values>();
  const nodes = useGrantNodes();
  const kind = Form.useWatch('kind', form);

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const fields = {
      title: v.title.trim(),
      place: v.place?.trim() || undefined,
      startsAt: dayjs(v.startsAt).toISOString(),
      // Emptied on a draft: back to more than half of the voting participants.
      quorum: meeting ? v.quorum ?? null : v.quorum ?? undefined,
      publicNoticeDays: v.kind === 'hearing' ? v.publicNoticeDays ?? undefined : undefined,
    };
    const m = meeting
      ? await api<MeetingDetail>(`/api/meetings/${meeting.id}`, { method: 'PATCH', body: fields })
      : await api<MeetingDetail>('/api/meetings', { method: 'POST', body: { territoryId: v.territoryId, kind: v.kind, ...fields } });
    form.resetFields();
    onDone(m.id, m);
  }, { success: false });

  return (
    <Modal open={open} title={meeting ? t('dl.meeting.edit') : t('dl.meeting.new')} onCancel={onClose} onOk={submit} okText={meeting ? t('common.save') : t('common.create')} cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'meeting-new-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={meeting ? {
        territoryId: meeting.territory.id, kind: meeting.kind, title: meeting.title, place: meeting.place,
        startsAt: dayjs(meeting.startsAt).format('YYYY-MM-DDTHH:mm'), quorum: meeting.quorumSetting, publicNoticeDays: meeting.publicNoticeDays ?? 5,
      } : { territoryId: nodes[0]?.id, kind: 'joint_four_in_one', publicNoticeDays: 5 }}>
        {nodes.length > 1 && !meeting && (
          <Form.Item name="territoryId" label={t('dl.community')} rules={[{ required: true, message: t('dl.required') }]}>
            <Select options={nodes.map((n) => ({ value: n.id, label: n.name }))} data-testid="meeting-new-territory" />
          </Form.Item>
        )}
        {(nodes.length <= 1 || meeting) && <Form.Item name="territoryId" hidden><Input /></Form.Item>}
        <Form.Item name="kind" label={t('dl.meeting.kind')} rules={[{ required: true, message: t('dl.required') }]}>
          <Select disabled={!!meeting} data-testid="meeting-new-kind" options={MEETING_KINDS.map((k) => ({ value: k, label: <span data-testid={`meeting-kind-${k}`}>{tx('dl.kind', k)}</span> }))} />
        </Form.Item>
        <Form.Item name="title" label={t('dl.meeting.title')} rules={[{ required: true, whitespace: true, message: t('dl.required') }]}>
          <Input maxLength={200} data-testid="meeting-new-title" />
        </Form.Item>
        <Form.Item name="startsAt" label={t('dl.meeting.startsAt')} rules={[{ required: true, message: t('dl.required') }]}>
          <Input type="datetime-local" data-testid="meeting-new-starts" />
        </Form.Item>
        <Form.Item name="place" label={t('dl.meeting.place')}>
          <Input maxLength={200} data-testid="meeting-new-place" />
        </Form.Item>
        <Form.Item name="quorum" label={t('dl.meeting.quorum')} extra={t('dl.meeting.quorumHint')}>
          <InputNumber min={1} style={{ width: '100%' }} data-testid="meeting-new-quorum" />
        </Form.Item>
        {kind === 'hearing' && (
          <Form.Item name="publicNoticeDays" label={t('dl.meeting.publicNoticeDays')}>
            <InputNumber min={1} max={60} style={{ width: '100%' }} data-testid="meeting-new-notice-days" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
