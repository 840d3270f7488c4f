import type { ReactNode } from 'react';
import { Form, Input, Modal } from 'antd';
import { useFormSubmit } from './useFormSubmit';

/**
 * Asks for the reason of a refusal (reject, return, reverse…) and sends it: a danger button titled
 * like the dialog, the subject on top, one required text of at most `max` characters.
 */
export function ReasonDialog({ open, title, subject, label, field = 'reason', max = 200, send, success, onClose, onDone, submitTestId, inputTestId }: {
  open: boolean;
  /** The dialog's title, also its button. */
  title: string;
  /** What is being refused, shown above the text. */
  subject?: ReactNode;
  label: string;
  /** The body field the server reads the text from; its field errors land on the text. */
  field?: string;
  max?: number;
  /** Sends the trimmed text. */
  send: (text: string) => Promise<unknown>;
  /** The success message; the generic one when not given. */
  success?: string;
  onClose: () => void;
  onDone: () => void;
  submitTestId: string;
  inputTestId: string;
}) {
  const [form] = Form.useForm<Record<string, string>>();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await send(v[field]!.trim());
    onDone();
  }, { success });
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={title}
      okButtonProps={{ danger: true, 'data-testid': submitTestId }} destroyOnHidden>
      {subject !== undefined && <p>{subject}</p>}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name={field} label={label} rules={[{ required: true, whitespace: true, max }]}>
          <Input.TextArea rows={3} maxLength={max} data-testid={inputTestId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
