import { Form, Input, Modal, Select } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import type { BodyRow, Items } from '../../../app/types';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { useFetch } from '../../../app/useFetch';
import { useGrantNodes } from '../../members/shared/grantNodes';
import { DemandPicker } from './DemandPicker';

interface Values {
  title?: string;
  description?: string;
  territoryId?: string;
  proposerBodyId?: string;
  demandId?: string;
}

/** Staff put an item forward for a committee or the party organisation of a community they serve. */
/** With `demand`, the item is made from that demand (its community, and its title unless one is typed). */
export function ProposeDialog({ open, demand, onClose, onDone }: {
  open: boolean; demand?: { id: string; no: string; title: string } | null; onClose: () => void; onDone: () => void;
}) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<Values>();
  const nodes = useGrantNodes();
  const territoryId = Form.useWatch('territoryId', form) ?? nodes[0]?.id;
  const demandId = Form.useWatch('demandId', form);
  const bodies = useFetch<Items<BodyRow>>(open && territoryId ? '/api/bodies' : null, { territoryId, subtree: true });

  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api('/api/agenda-items', {
      method: 'POST',
      body: {
        title: v.title?.trim() || undefined, description: v.description?.trim() || undefined,
        ...(v.demandId ? { demandId: v.demandId } : { territoryId }), proposerBodyId: v.proposerBodyId,
      },
    });
    form.resetFields();
    onDone();
  }, { success: t('dl.agenda.proposed') });

  return (
    <Modal open={open} title={t('dl.agenda.new')} onCancel={onClose} onOk={submit} okText={t('dl.submit')} cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'agenda-new-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ territoryId: nodes[0]?.id, demandId: demand?.id }}>
        <Form.Item name="demandId" label={t('dl.agenda.fromDemandLabel')} extra={t('dl.agenda.fromDemandHint')}>
          <DemandPicker initial={demand} />
        </Form.Item>
        {nodes.length > 1 && !demandId && (
          <Form.Item name="territoryId" label={t('dl.community')} rules={[{ required: true, message: t('dl.required') }]}>
            <Select options={nodes.map((n) => ({ value: n.id, label: n.name }))} data-testid="agenda-new-territory" />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('dl.agenda.titleLabel')} rules={demandId ? [] : [{ required: true, whitespace: true, message: t('dl.required') }]}>
          <Input maxLength={200} data-testid="agenda-new-title" />
        </Form.Item>
        <Form.Item name="description" label={t('dl.agenda.descriptionLabel')}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="agenda-new-description" />
        </Form.Item>
        <Form.Item name="proposerBodyId" label={t('dl.agenda.proposerBody')} rules={demandId ? [] : [{ required: true, message: t('dl.required') }]}>
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
