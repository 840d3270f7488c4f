import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import type { Items } from '../../../app/types';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { TerritorySelect } from '../../territory/TerritorySelect';
import { COMMUNITY_KINDS, STAFF_ROLES, useGrantNodes } from '../shared/grantNodes';
import { ACTIVITY_KINDS, type Activity, type ActivityKind, type Service } from '../shared/types';

interface Values {
  territoryId: string;
  kind: ActivityKind;
  serviceId?: string;
  title?: string;
  description?: string;
  place?: string;
  time: [Dayjs, Dayjs];
  capacity: number;
  cancelDeadline?: Dayjs;
}

/** Publishes an activity: a time slot of a catalogue service, a volunteer service or a theme party day. */
export function ActivityForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (a: Activity) => void }) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<Values>();
  const nodes = useGrantNodes(STAFF_ROLES);
  const kind = Form.useWatch('kind', form);
  const territoryId = Form.useWatch('territoryId', form);
  const services = useFetch<Items<Service>>(open && kind === 'service' ? '/api/services' : null, { territoryId });
  const community = nodes.find((n) => COMMUNITY_KINDS.includes(n.kind));

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const created = await api<Activity>('/api/activities', {
      method: 'POST',
      body: {
        territoryId: v.territoryId,
        kind: v.kind,
        serviceId: v.kind === 'service' ? v.serviceId : undefined,
        title: v.title?.trim() || undefined,
        description: v.description?.trim() || undefined,
        place: v.place?.trim() || undefined,
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        capacity: v.capacity,
        cancelDeadline: v.cancelDeadline?.toISOString(),
      },
    });
    onCreated(created);
  }, { success: t('activity.published') });

  return (
    <Modal open={open} title={t('activity.create')} onCancel={onClose} onOk={submit} confirmLoading={busy}
      okText={t('activity.publish')} okButtonProps={{ 'data-testid': 'activity-form-submit' }} destroyOnHidden width={560}>
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}
        initialValues={{ kind: 'volunteer', capacity: 20, territoryId: community?.id }}>
        <Form.Item name="territoryId" label={t('activity.community')} rules={[{ required: true }]}>
          <TerritorySelect initial={nodes} allowClear={false} testId="activity-form-territory" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('common.kind')} rules={[{ required: true }]}>
          <Select data-testid="activity-form-kind" options={ACTIVITY_KINDS.map((k) => ({ value: k, label: tx('activity.kind', k) }))} />
        </Form.Item>
        {kind === 'service' && (
          <Form.Item name="serviceId" label={t('activity.service')} rules={[{ required: true }]}>
            <Select data-testid="activity-form-service" loading={services.loading}
              options={(services.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.title} · ${s.category}` }))} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('activity.title')} rules={[{ required: kind !== 'service', whitespace: true, max: 100 }]}
          extra={kind === 'service' ? t('activity.fromService') : undefined}>
          <Input data-testid="activity-form-title" />
        </Form.Item>
        <Form.Item name="time" label={t('activity.time')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="activity-form-time" />
        </Form.Item>
        <Form.Item name="place" label={t('activity.place')} rules={[{ max: 100 }]}>
          <Input data-testid="activity-form-place" />
        </Form.Item>
        <Form.Item name="capacity" label={t('activity.capacity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} data-testid="activity-form-capacity" />
        </Form.Item>
        <Form.Item name="cancelDeadline" label={t('activity.cancelDeadline')} extra={t('activity.cancelDeadlineHint')}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="activity-form-deadline" />
        </Form.Item>
        <Form.Item name="description" label={t('activity.description')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} data-testid="activity-form-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
