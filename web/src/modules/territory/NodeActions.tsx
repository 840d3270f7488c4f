import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../app/api';
import { useNotify } from '../../app/feedback';
import { useI18n } from '../../app/i18n';
import type { TerritoryDetail, TerritoryKind, TerritoryNode } from '../../app/types';
import { useFormSubmit } from '../../app/ui/useFormSubmit';
import { TerritorySelect } from './TerritorySelect';

/** Which kinds usually sit under a kind (urban and rural branches differ); the server has the last word. */
const CHILD_KINDS: Record<TerritoryKind, TerritoryKind[]> = {
  district: ['subdistrict', 'town', 'zone'],
  subdistrict: ['neighborhood', 'village'],
  town: ['neighborhood', 'village'],
  zone: ['neighborhood', 'village'],
  neighborhood: ['area', 'grid', 'building'],
  village: ['area', 'grid', 'building'],
  area: ['grid', 'building'],
  grid: ['building'],
  building: [],
};

type Dialog = 'create' | 'rename' | 'move' | null;

export function NodeActions({ node, onChanged }: { node: TerritoryDetail; onChanged: (goTo?: string) => void }) {
  const { t, tx } = useI18n();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const childKinds = CHILD_KINDS[node.kind];

  const open = (d: Dialog) => {
    form.resetFields();
    if (d === 'rename') form.setFieldsValue({ name: node.name });
    if (d === 'create') form.setFieldsValue({ kind: childKinds[0] });
    setDialog(d);
  };

  const { busy, submit } = useFormSubmit(form, async (values) => {
    if (dialog === 'create') {
      const created = await api<TerritoryNode>('/api/territories', {
        method: 'POST',
        body: { parentId: node.id, name: values.name.trim(), kind: values.kind, ...(values.code ? { code: values.code.trim() } : {}) },
      });
      onChanged(created?.id);
    } else if (dialog === 'rename') {
      await api(`/api/territories/${node.id}`, { method: 'PATCH', body: { name: values.name.trim() } });
      onChanged();
    } else if (dialog === 'move') {
      await api(`/api/territories/${node.id}/move`, { method: 'POST', body: { parentId: values.parentId } });
      onChanged();
    }
    setDialog(null);
  });

  const retire = () =>
    modal.confirm({
      title: t('territory.retire'),
      content: t('territory.retireConfirm', { name: node.name }),
      okButtonProps: { danger: true, 'data-testid': 'territory-retire-confirm' },
      onOk: async () => {
        try {
          await api(`/api/territories/${node.id}/retire`, { method: 'POST' });
          notify.success();
          onChanged(node.parentId ?? undefined);
        } catch (err) {
          notify.error(err);
        }
      },
    });

  const titles: Record<Exclude<Dialog, null>, string> = {
    create: t('territory.addChild'),
    rename: t('territory.rename'),
    move: t('territory.move'),
  };

  return (
    <>
      <Space wrap>
        {childKinds.length > 0 && !node.retired && (
          <Button icon={<PlusOutlined />} onClick={() => open('create')} data-testid="territory-add-child">
            {t('territory.addChild')}
          </Button>
        )}
        <Button icon={<EditOutlined />} onClick={() => open('rename')} data-testid="territory-rename">
          {t('territory.rename')}
        </Button>
        {node.parentId && !node.retired && (
          <Button icon={<DragOutlined />} onClick={() => open('move')} data-testid="territory-move">
            {t('territory.move')}
          </Button>
        )}
        {node.parentId && !node.retired && (
          <Button danger icon={<DeleteOutlined />} onClick={retire} data-testid="territory-retire">
            {t('territory.retire')}
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog] : ''}
        onCancel={() => setDialog(null)}
        onOk={submit}
        confirmLoading={busy}
        okText={t('common.save')}
        okButtonProps={{ 'data-testid': 'territory-form-submit' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
          {(dialog === 'create' || dialog === 'rename') && (
            <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input data-testid="territory-form-name" />
            </Form.Item>
          )}
          {dialog === 'create' && (
            <>
              <Form.Item name="kind" label={t('territory.kind')} rules={[{ required: true }]}>
                <Select data-testid="territory-form-kind" options={childKinds.map((k) => ({ value: k, label: tx('kind', k) }))} />
              </Form.Item>
              <Form.Item name="code" label={t('territory.code')}>
                <Input data-testid="territory-form-code" className="gz-mono" />
              </Form.Item>
            </>
          )}
          {dialog === 'move' && (
            <Form.Item name="parentId" label={t('territory.newParent')} rules={[{ required: true }]}>
              <TerritorySelect testId="territory-form-parent" style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
