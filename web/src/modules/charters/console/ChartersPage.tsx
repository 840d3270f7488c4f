import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../app/api';
import { useAuth, useSession } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import { CHARTER, CHARTER_KINDS, type Charter, type CharterDetail, STATE_COLOR } from '../shared/types';

interface NewCharterForm { territoryId: string; estateId?: string; kind: string; title: string; text: string }

function NewCharterDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: string) => void }) {
  const { t, tx } = useI18n();
  const session = useSession();
  const [form] = Form.useForm<NewCharterForm>();
  const communities = session.grants.filter((g) => ['community_worker', 'community_secretary'].includes(g.role) && ['neighborhood', 'village'].includes(g.territoryKind));
  const territoryId = Form.useWatch('territoryId', form);
  const estates = useFetch<{ items: { id: string; name: string }[] }>(territoryId ? '/api/estates' : null, { territoryId });
  const { busy, submit } = useFormSubmit(form, async (v) => {
    const c = await api<CharterDetail>('/api/charters', { method: 'POST', body: { ...v, estateId: v.estateId || null } });
    onDone(c.id);
  });
  const required = [{ required: true, whitespace: true, message: t('charter.required') }];
  return (
    <Modal open={open} title={t('charter.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ 'data-testid': 'charter-submit' }} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'convention', territoryId: communities[0]?.territoryId }}>
        <Form.Item name="territoryId" label={t('charter.node')} rules={required}>
          <Select data-testid="charter-node" options={communities.map((g) => ({ value: g.territoryId, label: g.territoryName }))} />
        </Form.Item>
        <Form.Item name="estateId" label={t('charter.estate')}>
          <Select allowClear placeholder={t('charter.estateNone')} options={(estates.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('charter.kind')} rules={required}>
          <Select data-testid="charter-kind" options={CHARTER_KINDS.map((k) => ({ value: k, label: tx('charter.kind', k) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('charter.title')} rules={required}>
          <Input data-testid="charter-title" maxLength={100} />
        </Form.Item>
        <Form.Item name="text" label={t('charter.text')} rules={required} extra={t('charter.textHint')}>
          <Input.TextArea data-testid="charter-text" autoSize={{ minRows: 8, maxRows: 20 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The conventions and rules of the caller's territory, each with its newest version. */
export function ChartersPage() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useFetch<{ items: Charter[] }>('/api/charters');
  const [creating, setCreating] = useState(false);
  return (
    <Card title={t('charter.list')} extra={can(CHARTER.manage) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="charter-new">{t('charter.new')}</Button>}>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Charter>
          rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="charters-table" scroll={{ x: true }} pagination={false}
          columns={[
            { title: t('charter.title'), dataIndex: 'title', render: (n: string, c) => <Link to={`/console/charters/${c.id}`} data-testid={`charter-${c.id}`}>{n}</Link> },
            { title: t('charter.kind'), dataIndex: 'kind', render: (k: string) => tx('charter.kind', k) },
            { title: t('charter.node'), render: (_, c) => c.estateName ? `${c.territoryName} · ${c.estateName}` : c.territoryName },
            { title: t('charter.published'), dataIndex: 'publishedVersion', render: (v: number | null) => (v ? t('charter.version', { version: v }) : t('charter.none')) },
            { title: t('charter.latest'), render: (_, c) => c.latest && <Tag color={STATE_COLOR[c.latest.state]}>{t('charter.version', { version: c.latest.version })} · {tx('charter.state', c.latest.state)}</Tag> },
          ]}
        />
      )}
      <NewCharterDialog open={creating} onClose={() => setCreating(false)} onDone={(id) => { setCreating(false); navigate(`/console/charters/${id}`); }} />
    </Card>
  );
}
