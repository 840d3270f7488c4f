import { Alert, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import type { Activity } from '../shared/types';

interface Values {
  title: string;
  description?: string;
  place?: string;
  time: [Dayjs, Dayjs];
  capacity: number;
  cancelDeadline: Dayjs;
}

/** Edits a published activity; the members signed up are told of a new time, place or deadline. */
export function ActivityEditForm({ activity: a, open, onClose, onSaved }: { activity: Activity; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();

  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api(`/api/activities/${a.id}`, {
      method: 'PATCH',
      body: {
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        place: v.place?.trim() ?? '',
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        capacity: v.capacity,
        cancelDeadline: v.cancelDeadline.toISOString(),
      },
    });
    onSaved();
  }, { success: a.signedUp > 0 ? t('activity.savedNotified', { count: a.signedUp }) : t('activity.saved') });

  return (
    <Modal open={open} title={t('activity.edit')} onCancel={onClose} onOk={submit} confirmLoading={busy}
      okText={t('common.save')} okButtonProps={{ 'data-testid': 'activity-edit-submit' }} destroyOnHidden width={560}>
      {a.signedUp > 0 && <Alert type="info" showIcon title={t('activity.editNotice', { count: a.signedUp })} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}
        initialValues={{
          title: a.title, description: a.description, place: a.place, capacity: a.capacity,
          time: [dayjs(a.startsAt), dayjs(a.endsAt)], cancelDeadline: dayjs(a.cancelDeadline),
        }}>
        <Form.Item name="title" label={t('activity.title')} rules={[{ required: true, whitespace: true, max: 80 }]}>
          <Input data-testid="activity-edit-title" />
        </Form.Item>
        <Form.Item name="time" label={t('activity.time')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="activity-edit-time" />
        </Form.Item>
        <Form.Item name="place" label={t('activity.place')} rules={[{ max: 200 }]}>
          <Input data-testid="activity-edit-place" />
        </Form.Item>
        <Form.Item name="capacity" label={t('activity.capacity')} rules={[{ required: true }]} extra={a.signedUp > 0 ? t('activity.capacityMin', { count: a.signedUp }) : undefined}>
          <InputNumber min={Math.max(1, a.signedUp)} max={10000} precision={0} style={{ width: '100%' }} data-testid="activity-edit-capacity" />
        </Form.Item>
        <Form.Item name="cancelDeadline" label={t('activity.cancelDeadline')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="activity-edit-deadline" />
        </Form.Item>
        <Form.Item name="description" label={t('activity.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="activity-edit-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
