import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { TerritorySelect } from '../../territory/TerritorySelect';
import { COMMUNITY_KINDS, STAFF_ROLES, useGrantNodes } from '../shared/grantNodes';
import { SERVICE_CATEGORIES, type Service } from '../shared/types';

interface Values {
  territoryId: string;
  category: string;
  title: string;
  description?: string;
  place?: string;
}

/** Adds a service to a community's catalogue, or edits one (`service` given). */
export function ServiceForm({ open, service, onClose, onSaved }: { open: boolean; service: Service | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const nodes = useGrantNodes(STAFF_ROLES);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(service
      ? { territoryId: service.territoryId, category: service.category, title: service.title, description: service.description ?? '', place: service.place ?? '' }
      : { territoryId: nodes.find((n) => COMMUNITY_KINDS.includes(n.kind))?.id, category: SERVICE_CATEGORIES[0] });
  }, [open, service, form, nodes]);

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const body = { category: v.category, title: v.title.trim(), description: v.description?.trim() || undefined, place: v.place?.trim() || undefined };
    if (service) await api(`/api/services/${service.id}`, { method: 'PATCH', body });
    else await api('/api/services', { method: 'POST', body: { ...body, territoryId: v.territoryId } });
    onSaved();
  });

  return (
    <Modal open={open} title={service ? t('service.edit') : t('service.create')} onCancel={onClose} onOk={submit} confirmLoading={busy}
      okText={t('common.save')} okButtonProps={{ 'data-testid': 'service-form-submit' }} forceRender>
      <Form form={form} layout="vertical" requiredMark={false}>
        {!service && (
          <Form.Item name="territoryId" label={t('activity.community')} rules={[{ required: true }]}>
            <TerritorySelect initial={nodes} allowClear={false} testId="service-form-territory" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('service.category')} rules={[{ required: true }]}>
          <Select data-testid="service-form-category" options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="title" label={t('service.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="service-form-title" />
        </Form.Item>
        <Form.Item name="place" label={t('activity.place')} rules={[{ max: 100 }]}>
          <Input data-testid="service-form-place" />
        </Form.Item>
        <Form.Item name="description" label={t('activity.description')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} data-testid="service-form-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
