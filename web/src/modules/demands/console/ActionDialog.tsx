import { useState } from 'react';
import { Button, Form, Input, Modal, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import type { Items } from '../../../app/types';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { LINK_TARGETS, type DemandAction, type DemandDetail, type HandlerOption } from '../shared/types';
import { MergeTargetSelect } from './MergeTargetSelect';

/** The steps that open a dialog; the others (photo) act at once. */
export type DialogAction = Exclude<DemandAction, 'photo' | 'rate'>;

interface Values {
  note?: string;
  reason?: string;
  bodyId?: string;
  intoId?: string;
  targetType?: string;
  targetId?: string;
}

/** What each step sends: its path under the demand and the words the server asks for. */
const TEXT_FIELD: Record<DialogAction, { field: 'note' | 'reason'; required: boolean }> = {
  accept: { field: 'note', required: false },
  reject: { field: 'reason', required: true },
  assign: { field: 'note', required: false },
  start: { field: 'note', required: false },
  resolve: { field: 'note', required: true },
  close: { field: 'note', required: false },
  note: { field: 'note', required: true },
  merge: { field: 'note', required: false },
  link: { field: 'note', required: false },
  whistle: { field: 'reason', required: true },
};
const PATH: Record<DialogAction, string> = {
  accept: 'accept', reject: 'reject', assign: 'assign', start: 'start', resolve: 'resolve', close: 'close',
  note: 'notes', merge: 'merge', link: 'links', whistle: 'whistle',
};

function HandlerSelect({ demandId, value, onChange }: { demandId: string; value?: string; onChange?: (id: string) => void }) {
  const { t, tx } = useI18n();
  const { data, loading } = useFetch<Items<HandlerOption>>(`/api/demands/${demandId}/handlers`);
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('dc.pickHandler')}
      data-testid="demand-assign-body"
      style={{ width: '100%' }}
      options={(data?.items ?? []).map((h) => ({ value: h.id, label: `${h.name} · ${tx('body', h.kind)} · ${h.territoryName}` }))}
    />
  );
}

/** One dialog for every step: the text the step needs, and its own picker for assign, merge and link. */
export function ActionDialog({ demand, action, onClose, onDone }: {
  demand: DemandDetail;
  action: DialogAction | null;
  onClose: () => void;
  onDone: (next: DemandDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    if (!action) return;
    const text = TEXT_FIELD[action];
    const words = v[text.field]?.trim() || undefined;
    const body: Record<string, unknown> = { [text.field]: words };
    if (action === 'assign') body.bodyId = v.bodyId;
    if (action === 'merge') body.intoId = v.intoId;
    if (action === 'link') Object.assign(body, { targetType: v.targetType, targetId: v.targetId?.trim() });
    if (action === 'resolve') {
      for (const p of photos) {
        const fd = new FormData();
        fd.append('photo', p.originFileObj as File);
        await api(`/api/demands/${demand.id}/photos`, { method: 'POST', body: fd });
      }
    }
    const next = await api<DemandDetail>(`/api/demands/${demand.id}/${PATH[action]}`, { method: 'POST', body });
    setPhotos([]);
    form.resetFields();
    onDone(next);
  }, { success: action ? t(`dc.done.${action}`) : undefined });
  if (!action) return null;
  const text = TEXT_FIELD[action];

  return (
    <Modal
      open
      title={t(`dc.action.${action}`)}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t(`dc.action.${action}`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: action === 'reject' || action === 'whistle', 'data-testid': 'demand-action-submit' }}
      destroyOnHidden
    >
      <p style={{ color: '#666' }}><span className="gz-mono">{demand.no}</span> {demand.title}</p>
      {action === 'whistle' && <p data-testid="demand-whistle-hint">{t(demand.level === 'community' ? 'dc.whistleToStreet' : 'dc.whistleToDistrict')}</p>}
      <Form form={form} layout="vertical" requiredMark={false}>
        {action === 'assign' && (
          <Form.Item name="bodyId" label={t('dc.handlerBody')} rules={[{ required: true, message: t('dc.pickHandler') }]}>
            <HandlerSelect demandId={demand.id} />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item name="intoId" label={t('dc.mergeInto')} rules={[{ required: true, message: t('dc.mergeSearch') }]}>
            <MergeTargetSelect excludeId={demand.id} />
          </Form.Item>
        )}
        {action === 'link' && (
          <>
            <Form.Item name="targetType" label={t('dc.linkType')} rules={[{ required: true }]}>
              <Select data-testid="demand-link-type" options={LINK_TARGETS.map((k) => ({ value: k, label: t(`dc.link.${k}`) }))} />
            </Form.Item>
            <Form.Item name="targetId" label={t('dc.linkId')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="demand-link-id" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name={text.field}
          label={t(text.field === 'reason' ? (action === 'whistle' ? 'dc.whistleReason' : 'dc.rejectReason') : action === 'resolve' ? 'dc.resolveNote' : 'dc.note')}
          rules={[{ required: text.required, whitespace: true, message: t('dc.textRequired') }, { max: 1000 }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="demand-action-text" />
        </Form.Item>
        {action === 'resolve' && (
          <Upload
            accept="image/jpeg,image/png,image/webp"
            listType="picture"
            maxCount={3}
            fileList={photos}
            beforeUpload={() => false}
            onChange={({ fileList }) => setPhotos(fileList)}
          >
            <Button icon={<CameraOutlined />} data-testid="demand-resolve-photo">{t('dc.addPhoto')}</Button>
          </Upload>
        )}
      </Form>
    </Modal>
  );
}
