import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import type { BodyRow, Items } from '../../../app/types';
import { useFetch } from '../../../app/useFetch';
import { useGrantNodes } from '../../members/shared/grantNodes';

interface Values {
  title: string;
  description?: string;
  territoryId?: string;
  proposerBodyId?: string;
}

/** Staff put an item forward for a committee or the party organisation of a community they serve. */
export function ProposeDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t, tx } = useI18n();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const nodes = useGrantNodes();
  const territoryId = Form.useWatch('territoryId', form) ?? nodes[0]?.id;
  const bodies = useFetch<Items<BodyRow>>(open && territoryId ? '/api/bodies' : null, { territoryId, subtree: true });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await api('/api/agenda-items', {
        method: 'POST',
        body: { title: v.title.trim(), description: v.description?.trim() || undefined, territoryId, proposerBodyId: v.proposerBodyId },
      });
      notify.success(t('dl.agenda.proposed'));
      form.resetFields();
      onDone();
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('dl.agenda.new')} onCancel={onClose} onOk={submit} okText={t('dl.submit')} cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'agenda-new-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ territoryId: nodes[0]?.id }}>
        {nodes.length > 1 && (
          <Form.Item name="territoryId" label={t('dl.community')} rules={[{ required: true, message: t('dl.required') }]}>
            <Select options={nodes.map((n) => ({ value: n.id, label: n.name }))} data-testid="agenda-new-territory" />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('dl.agenda.titleLabel')} rules={[{ required: true, whitespace: true, message: t('dl.required') }]}>
          <Input maxLength={200} data-testid="agenda-new-title" />
        </Form.Item>
        <Form.Item name="description" label={t('dl.agenda.descriptionLabel')}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="agenda-new-description" />
        </Form.Item>
        <Form.Item name="proposerBodyId" label={t('dl.agenda.proposerBody')} rules={[{ required: true, message: t('dl.required') }]}>
          <Select
            loading={bodies.loading}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="agenda-new-body"
            options={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name} · ${tx('body', b.kind)}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
