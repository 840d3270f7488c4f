import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import type { BodyRow, Items } from '../../../app/types';
import { useFetch } from '../../../app/useFetch';
import type { ResolutionDetail } from '../shared/types';

interface Values {
  title?: string;
  text?: string;
  publicDays?: number;
  responsibleBodyId?: string | null;
  dueOn?: string;
}

/**
 * A draft's words and publication days; until done, who carries it out and by when (a new due date
 * lets an overdue resolution come back again if it lapses again).
 */
export function EditResolutionDialog({ resolution, open, onClose, onDone }: {
  resolution: ResolutionDetail; open: boolean; onClose: () => void; onDone: (r: ResolutionDetail) => void;
}) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<Values>();
  const draft = resolution.state === 'draft';
  const bodies = useFetch<Items<BodyRow>>(open ? '/api/bodies' : null, { territoryId: resolution.community.id, subtree: true });

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const body = {
      ...(draft ? { title: v.title?.trim(), text: v.text?.trim(), publicDays: v.publicDays } : {}),
      responsibleBodyId: v.responsibleBodyId ?? null,
      dueOn: v.dueOn || null,
    };
    onDone(await api<ResolutionDetail>(`/api/resolutions/${resolution.id}`, { method: 'PATCH', body }));
  }, { success: false });

  return (
    <Modal open={open} title={t('common.edit')} onCancel={onClose} onOk={submit} okText={t('common.save')} cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'resolution-edit-submit' }} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{
        title: resolution.title, text: resolution.text, publicDays: resolution.publicDays,
        responsibleBodyId: resolution.responsibleBody?.id, dueOn: resolution.dueOn ?? '',
      }}>
        {draft && (
          <>
            <Form.Item name="title" label={t('dl.resolution.titleLabel')} rules={[{ required: true, whitespace: true, message: t('dl.required') }]}>
              <Input maxLength={200} data-testid="resolution-edit-title" />
            </Form.Item>
            <Form.Item name="text" label={t('dl.resolution.text')} rules={[{ required: true, whitespace: true, message: t('dl.required') }]}>
              <Input.TextArea rows={6} maxLength={20000} data-testid="resolution-edit-text" />
            </Form.Item>
          </>
        )}
        <Form.Item name="responsibleBodyId" label={t('dl.resolution.responsible')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={bodies.loading} data-testid="resolution-edit-body"
            options={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name} · ${tx('body', b.kind)}` }))} />
        </Form.Item>
        <div className="dl-form-pair">
          <Form.Item name="dueOn" label={t('dl.resolution.dueOn')}>
            <Input type="date" data-testid="resolution-edit-due" />
          </Form.Item>
          {draft && (
            <Form.Item name="publicDays" label={t('dl.resolution.publicDays')}>
              <InputNumber min={1} max={60} style={{ width: '100%' }} data-testid="resolution-edit-days" />
            </Form.Item>
          )}
        </div>
      </Form>
    </Modal>
  );
}
