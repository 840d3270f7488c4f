import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { api, ApiError } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import type { LedgerRow } from './LedgerPanel';

/** Reverses a ledger entry with a reason: a new entry of the opposite points; the original stays. */
export function ReverseDialog({ entry, onClose, onDone }: { entry: LedgerRow | null; onClose: () => void; onDone: () => void }) {
  const { t, tx } = useI18n();
  const notify = useNotify();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    // An invalid form shows its messages on the fields; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await api(`/api/points/entries/${entry!.id}/reverse`, { method: 'POST', body: { note: v.note.trim() } });
      notify.success(t('ledger.reversed'));
      onDone();
    } catch (err) {
      notify.error(err, form);
      // Refused because someone reversed it meanwhile: the list must show that reversal now.
      if (err instanceof ApiError && err.status === 409) onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={!!entry} title={t('ledger.reverse')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('ledger.reverse')}
      okButtonProps={{ danger: true, 'data-testid': 'ledger-reverse-submit' }} destroyOnHidden>
      {entry && <p>{t('ledger.reverseText', { name: entry.personName, rule: tx('points.rule', entry.ruleCode), points: entry.points })}</p>}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="note" label={t('ledger.reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input.TextArea rows={3} maxLength={200} data-testid="ledger-reverse-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
