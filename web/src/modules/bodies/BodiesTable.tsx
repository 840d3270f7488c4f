import { useState } from 'react';
import { Button, Form, Input, Modal, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useFetch } from '../../app/useFetch';
import { ErrorState } from '../../app/ui/States';
import { BODY_KINDS, type BodyRow, type Items } from '../../app/types';
import { useFormSubmit } from '../../app/ui/useFormSubmit';

/** Bodies attached to a node (or its whole subtree), with "new body" for those who may write. */
export function BodiesTable({ territoryId, subtree = false }: { territoryId: string; subtree?: boolean }) {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useFetch<Items<BodyRow>>('/api/bodies', { territoryId, subtree: String(subtree) });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; kind: string }>();

  const { busy, submit: create } = useFormSubmit(form, async (v) => {
    await api('/api/bodies', { method: 'POST', body: { territoryId, name: v.name.trim(), kind: v.kind } });
    setOpen(false);
    reload();
  });

  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      {can('body.write') && !subtree && (
        <div className="gz-toolbar">
          <Button icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen(true); }} data-testid="body-create">
            {t('bodies.create')}
          </Button>
        </div>
      )}
      <Table<BodyRow>
        data-testid="bodies-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('bodies.none') }}
        pagination={(data?.items.length ?? 0) > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 560 }}
        rowClassName={() => 'gz-clickable-row'}
        onRow={(r) => ({ onClick: () => navigate(`/console/bodies/${r.id}`), 'data-testid': `body-row-${r.id}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('common.kind'), dataIndex: 'kind', width: 130, render: (k: string) => tx('body', k) },
          ...(subtree ? [{ title: t('bodies.territory'), dataIndex: 'territoryName', width: 180, ellipsis: true }] : []),
          { title: t('bodies.memberCount'), dataIndex: 'memberCount', width: 90, align: 'right' as const },
        ]}
      />
      <Modal
        open={open}
        title={t('bodies.create')}
        onCancel={() => setOpen(false)}
        onOk={create}
        confirmLoading={busy}
        okText={t('common.save')}
        okButtonProps={{ 'data-testid': 'body-form-submit' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input data-testid="body-form-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('common.kind')} rules={[{ required: true }]}>
            <Select data-testid="body-form-kind" options={BODY_KINDS.map((k) => ({ value: k, label: tx('body', k) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
