import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import type { Items } from '../../../app/types';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';

interface Unit {
  body: { id: string; name: string; kind: string };
  targets: { id: string; name: string; kind: string }[];
}

export interface UnitDraft {
  bodyId?: string;
  territoryId?: string;
  commitments?: string;
}

/** 组织报到: the liaison picks the unit's party organisation, the street or community, and writes what it offers. */
export function UnitRegistrationForm({ draft, onClose, onDone }: { draft: UnitDraft | null; onClose: () => void; onDone: () => void }) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<Required<UnitDraft>>();
  const units = useFetch<Items<Unit>>(draft ? '/api/unit-registrations/units' : null);
  const bodyId = Form.useWatch('bodyId', form);
  const list = units.data?.items ?? [];
  const targets = list.find((u) => u.body.id === bodyId)?.targets ?? [];

  // The first organisation and its nearest node are the usual choice; a resubmission keeps its own.
  useEffect(() => {
    if (!draft || !list.length) return;
    const body = draft.bodyId ?? list[0]!.body.id;
    form.setFieldsValue({ bodyId: body, territoryId: draft.territoryId ?? list.find((u) => u.body.id === body)?.targets[0]?.id, commitments: draft.commitments });
  }, [draft, list, form]);

  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api('/api/unit-registrations', { method: 'POST', body: { bodyId: v.bodyId, territoryId: v.territoryId, commitments: v.commitments.trim() } });
    onDone();
  }, { success: t('unitReg.submitted') });

  return (
    <Modal open={!!draft} title={t('unitReg.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('unitReg.submit')}
      okButtonProps={{ disabled: !list.length, 'data-testid': 'unit-reg-form-submit' }} destroyOnHidden width={560}>
      {units.data && !list.length && <Alert type="info" showIcon title={t('unitReg.noUnit')} style={{ marginBottom: 16 }} data-testid="unit-reg-no-unit" />}
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="bodyId" label={t('reg.unit')} rules={[{ required: true }]}>
          <Select data-testid="unit-reg-form-body" loading={units.loading}
            onChange={(id: string) => form.setFieldValue('territoryId', list.find((u) => u.body.id === id)?.targets[0]?.id)}
            options={list.map((u) => ({ value: u.body.id, label: `${u.body.name} · ${tx('body', u.body.kind)}` }))} />
        </Form.Item>
        <Form.Item name="territoryId" label={t('reg.target')} rules={[{ required: true }]} extra={t('unitReg.targetHint')}>
          <Select data-testid="unit-reg-form-target"
            options={targets.map((n) => ({ value: n.id, label: <span data-testid={`unit-reg-target-${n.id}`}>{`${n.name} · ${tx('kind', n.kind)}`}</span> }))} />
        </Form.Item>
        <Form.Item name="commitments" label={t('reg.commitments')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('unitReg.commitmentsPlaceholder')} data-testid="unit-reg-form-commitments" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
