import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { HANDLER_KINDS, type DemandCategory } from '../shared/types';

type Values = Pick<DemandCategory, 'code' | 'name' | 'groupName' | 'description' | 'keywords' | 'defaultHandler' | 'deadlineDays' | 'remindDays'>;

/** Creates a category, or edits one (its code, the Open311 service code, stays). */
export function CategoryDialog({ category, open, onClose, onDone }: { category: DemandCategory | null; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<Values>();

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const body = {
      name: v.name.trim(), groupName: v.groupName?.trim() ?? '', description: v.description?.trim() ?? '', keywords: v.keywords?.trim() ?? '',
      defaultHandler: v.defaultHandler, deadlineDays: v.deadlineDays, remindDays: v.remindDays,
    };
    if (category) await api(`/api/demand-categories/${category.id}`, { method: 'PATCH', body });
    else await api('/api/demand-categories', { method: 'POST', body: { ...body, code: v.code.trim() } });
    onDone();
  });

  return (
    <Modal open={open} title={t(category ? 'dc.categoryEdit' : 'dc.categoryCreate')} onCancel={onClose} onOk={submit} confirmLoading={busy}
      okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'category-form-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}
        initialValues={category ?? { defaultHandler: 'residents_committee', deadlineDays: 5, remindDays: 1 }}>
        <Form.Item name="code" label={t('dc.categoryCode')} extra={t('dc.categoryCodeHint')}
          rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,39}$/, message: t('dc.categoryCodeHint') }]}>
          <Input disabled={!!category} data-testid="category-form-code" />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input maxLength={40} data-testid="category-form-name" />
        </Form.Item>
        <Form.Item name="groupName" label={t('dc.categoryGroup')} rules={[{ max: 40 }]}>
          <Input maxLength={40} data-testid="category-form-group" />
        </Form.Item>
        <Form.Item name="defaultHandler" label={t('dc.defaultHandler')} rules={[{ required: true }]}>
          <Select data-testid="category-form-handler" options={HANDLER_KINDS.map((k) => ({ value: k, label: tx('body', k) }))} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="deadlineDays" label={t('dc.deadlineDays')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
            <InputNumber min={1} max={90} precision={0} style={{ width: '100%' }} data-testid="category-form-deadline" />
          </Form.Item>
          <Form.Item name="remindDays" label={t('dc.remindDays')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
            <InputNumber min={0} max={30} precision={0} style={{ width: '100%' }} data-testid="category-form-remind" />
          </Form.Item>
        </div>
        <Form.Item name="keywords" label={t('dc.keywords')} extra={t('dc.keywordsHint')} rules={[{ max: 200 }]}>
          <Input maxLength={200} data-testid="category-form-keywords" />
        </Form.Item>
        <Form.Item name="description" label={t('dc.description')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
