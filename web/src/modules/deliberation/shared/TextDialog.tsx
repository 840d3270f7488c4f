import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';

/**
 * One question, one text: a return reason, an answer to an objection, a closing summary. Sends
 * nothing when a required text is empty; a field error from the server lands on the field.
 */
export function TextDialog({ open, title, label, field = 'text', required = true, initial, rows = 4, testId, onSubmit, onClose }: {
  open: boolean;
  title: string;
  label: string;
  field?: string;
  required?: boolean;
  initial?: string;
  rows?: number;
  testId: string;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await onSubmit((v[field] ?? '').trim());
      form.resetFields();
      onClose();
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ loading: busy, 'data-testid': `${testId}-submit` }}
      cancelButtonProps={{ 'data-testid': `${testId}-cancel` }}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ [field]: initial ?? '' }}>
        <Form.Item name={field} label={label} rules={required ? [{ required: true, whitespace: true, message: t('dl.required') }] : []}>
          <Input.TextArea rows={rows} maxLength={2000} data-testid={`${testId}-text`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
