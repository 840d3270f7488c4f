import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Switch, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../app/api';
import { useAuth, useSession } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { type Estate, VOTING, fmtArea } from '../shared/types';

const ESTATE_KINDS = ['neighborhood', 'village', 'area'];
interface NodeOption { id: string; name: string; kind: string }

/** Community or area nodes the caller may set an estate on: their own, or those one level below. */
function useEstateNodes(open: boolean) {
  const session = useSession();
  const [nodes, setNodes] = useState<NodeOption[]>([]);
  useEffect(() => {
    if (!open) return;
    const own = session.grants.filter((g) => ['community_worker', 'community_secretary', 'street_admin', 'district_admin'].includes(g.role));
    const direct = own.filter((g) => ESTATE_KINDS.includes(g.territoryKind)).map((g) => ({ id: g.territoryId, name: g.territoryName, kind: g.territoryKind }));
    Promise.all(own.filter((g) => !ESTATE_KINDS.includes(g.territoryKind)).map((g) =>
      api<{ items: NodeOption[] }>(`/api/territories/${g.territoryId}/children`).then((r) => r.items).catch(() => [] as NodeOption[])))
      .then((lists) => setNodes([...direct, ...lists.flat().filter((n) => ESTATE_KINDS.includes(n.kind))]));
  }, [open, session]);
  return nodes;
}

function NewEstateDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ territoryId: string; name: string; ballotsChangeable: boolean }>();
  const nodes = useEstateNodes(open);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    const e = await api<Estate>('/api/estates', { method: 'POST', body: v });
    onDone(e.id);
  });
  return (
    <Modal open={open} title={t('vote.estate.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ 'data-testid': 'estate-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ ballotsChangeable: true }}>
        <Form.Item name="territoryId" label={t('vote.estate.node')} rules={[{ required: true, message: t('vote.required') }]}>
          <Select data-testid="estate-node" options={nodes.map((n) => ({ value: n.id, label: n.name }))} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="name" label={t('vote.estate.name')} rules={[{ required: true, whitespace: true, message: t('vote.required') }]}>
          <Input data-testid="estate-name" maxLength={60} />
        </Form.Item>
        <Form.Item name="ballotsChangeable" label={t('vote.estate.changeable')} valuePropName="checked" extra={t('vote.estate.changeableHint')}>
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Estates in the caller's territory, with their register figures. */
export function EstatesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useFetch<{ items: Estate[] }>('/api/estates');
  const [creating, setCreating] = useState(false);
  return (
    <Card title={t('vote.estates')} extra={can(VOTING.manage) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="estate-new">{t('vote.estate.new')}</Button>}>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Estate>
          rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="estates-table" scroll={{ x: true }}
          columns={[
            { title: t('vote.estate.name'), dataIndex: 'name', render: (n: string, e) => <Link to={`/console/estates/${e.id}`} data-testid={`estate-${e.id}`}>{n}</Link> },
            { title: t('vote.estate.node'), dataIndex: 'territoryName' },
            { title: t('vote.units'), dataIndex: 'units' },
            { title: t('vote.owners'), dataIndex: 'owners' },
            { title: t('vote.totalArea'), dataIndex: 'area', render: (a: number) => `${fmtArea(a)} ㎡` },
            { title: t('vote.openMatters'), dataIndex: 'openMatters' },
          ]}
        />
      )}
      <NewEstateDialog open={creating} onClose={() => setCreating(false)} onDone={(id) => { setCreating(false); navigate(`/console/estates/${id}`); }} />
    </Card>
  );
}
