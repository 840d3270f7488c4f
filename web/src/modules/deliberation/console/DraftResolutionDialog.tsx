import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import type { BodyRow, Items } from '../../../app/types';
import { useFetch } from '../../../app/useFetch';
import type { MeetingItem, ResolutionDetail } from '../shared/types';

interface Values {
  title: string;
  text: string;
  responsibleBodyId?: string;
  dueOn?: string;
  publicDays?: number;
}

/** The resolution of an adopted item: its text, who carries it out and by when; it opens as a draft. */
export function DraftResolutionDialog({ item, territoryId, onClose }: { item: MeetingItem | null; territoryId: string; onClose: () => void }) {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const bodies = useFetch<Items<BodyRow>>(item ? '/api/bodies' : null, { territoryId, subtree: true });

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const r = await api<ResolutionDetail>('/api/resolutions', {
      method: 'POST',
      body: {
        meetingItemId: item!.id, title: v.title.trim(), text: v.text.trim(),
        responsibleBodyId: v.responsibleBodyId, dueOn: v.dueOn || undefined, publicDays: v.publicDays ?? undefined,
      },
    });
    navigate(`/console/resolutions/${r.id}`);
  }, { success: false });

  return (
    <Modal open={!!item} title={t('dl.resolution.draft')} onCancel={onClose} onOk={submit} okText={t('dl.resolution.saveDraft')} cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'resolution-draft-submit' }} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ title: item?.agendaItem.title, publicDays: 7 }}>
        <Form.Item name="title" label={t('dl.resolution.titleLabel')} rules={[{ required: true, whitespace: true, message: t('dl.required') }]}>
          <Input maxLength={200} data-testid="resolution-draft-title" />
        </Form.Item>
        <Form.Item name="text" label={t('dl.resolution.text')} rules={[{ required: true, whitespace: true, message: t('dl.required') }]}>
          <Input.TextArea rows={6} maxLength={20000} data-testid="resolution-draft-text" />
        </Form.Item>
        <Form.Item name="responsibleBodyId" label={t('dl.resolution.responsible')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={bodies.loading} data-testid="resolution-draft-body"
            options={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name} · ${tx('body', b.kind)}` }))} />
        </Form.Item>
        <div className="dl-form-pair">
          <Form.Item name="dueOn" label={t('dl.resolution.dueOn')}>
            <Input type="date" data-testid="resolution-draft-due" />
          </Form.Item>
          <Form.Item name="publicDays" label={t('dl.resolution.publicDays')}>
            <InputNumber min={1} max={60} style={{ width: '100%' }} data-testid="resolution-draft-days" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
