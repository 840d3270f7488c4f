import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';

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
  const [form] = Form.useForm<Record<string, string>>();
  // What the text led to shows on the page; the caller says so when it needs to.
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await onSubmit((v[field] ?? '').trim());
    form.resetFields();
    onClose();
  }, { success: false });

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
