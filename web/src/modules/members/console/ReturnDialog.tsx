import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';

/** Returns a registration to the member (or unit) with a reason they will read. */
export function ReturnDialog({ path, subject, onClose, onDone }: { path: string | null; subject: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    // An invalid form shows its messages on the fields; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await api(path!, { method: 'POST', body: { reason: v.reason.trim() } });
      notify.success();
      onDone();
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={!!path} title={t('reg.return')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('reg.return')}
      okButtonProps={{ danger: true, 'data-testid': 'reg-return-submit' }} destroyOnHidden>
      <p>{subject}</p>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="reason" label={t('wish.reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input.TextArea rows={3} maxLength={200} data-testid="reg-return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
