import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Table, Tag, TreeSelect } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../app/api';
import { useAuth, useSession } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import { fmtTime } from '../../charters/shared/types';
import { CASE_COLOR, CASE_KINDS, CASE_STATES, type CaseDetail, type CaseRow } from '../shared/types';
import { PartyFields, type PartyValues, partyInput } from './PartyFields';

interface NewCaseForm { territoryId: string; kind: string; title: string; description?: string; demandId?: string; mediatorPersonId?: string; parties: PartyValues[] }

const HANDLERS = ['grid_worker', 'community_worker', 'community_secretary'];

/** The place of a case: a handler's own grant nodes and the nodes one level below them. */
function usePlaces(open: boolean) {
  const session = useSession();
  const own = session.grants.filter((g) => HANDLERS.includes(g.role));
  const children = useFetch<{ items: { id: string; name: string }[] }>(open && own[0] ? `/api/territories/${own[0].territoryId}/children` : null);
  return own.map((g) => ({
    value: g.territoryId, title: g.territoryName,
    children: g === own[0] ? (children.data?.items ?? []).map((c) => ({ value: c.id, title: c.name })) : [],
  }));
}

function NewCaseDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: string) => void }) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<NewCaseForm>();
  const places = usePlaces(open);
  const territoryId = Form.useWatch('territoryId', form);
  const mediators = useFetch<{ items: { id: string; name: string; bodyName: string }[] }>(territoryId ? '/api/mediators' : null, { territoryId });
  const { busy, submit } = useFormSubmit(form, async (v) => {
    const c = await api<CaseDetail>('/api/mediation-cases', {
      method: 'POST',
      body: { ...v, demandId: v.demandId?.trim() || null, mediatorPersonId: v.mediatorPersonId || null, parties: v.parties.map(partyInput) },
    });
    onDone(c.id);
  });
  const required = [{ required: true, whitespace: true, message: t('charter.required') }];
  return (
    <Modal open={open} title={t('mediation.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ 'data-testid': 'mediation-submit' }} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'neighbour', parties: [{ side: 'applicant', who: 'person' }, { side: 'respondent', who: 'person' }] }}>
        <Form.Item name="territoryId" label={t('mediation.place')} rules={required}>
          <TreeSelect treeData={places} treeDefaultExpandAll data-testid="mediation-place" />
        </Form.Item>
        <Form.Item name="kind" label={t('mediation.kind')} rules={required}>
          <Select options={CASE_KINDS.map((k) => ({ value: k, label: tx('mediation.kind', k) }))} data-testid="mediation-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('mediation.title')} rules={required}><Input maxLength={100} data-testid="mediation-title" /></Form.Item>
        <Form.Item name="description" label={t('mediation.description')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="mediation-description" /></Form.Item>
        <Form.Item name="mediatorPersonId" label={t('mediation.mediator')}>
          <Select allowClear options={(mediators.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.bodyName}）` }))} data-testid="mediation-mediator" />
        </Form.Item>
        <Form.List name="parties">
          {(fields) => fields.map((f) => (
            <div key={f.key} className="gz-party" data-testid={`mediation-party-${f.name}`}>
              <Form.Item name={[f.name, 'side']} label={t('mediation.parties')}>
                <Select style={{ width: 110 }} options={['applicant', 'respondent'].map((s) => ({ value: s, label: tx('mediation.side', s) }))} />
              </Form.Item>
              <PartyFields at={[f.name]} full={['parties', f.name]} testId={`mediation-party-${f.name}`} />
            </div>
          ))}
        </Form.List>
        <Form.Item name="demandId" label={t('mediation.demandId')}><Input data-testid="mediation-demand" /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Mediation cases of the caller's territory, newest first; parties appear masked. */
export function CasesPage() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [state, setState] = useState<string | undefined>();
  const list = useFetch<{ items: CaseRow[] }>('/api/mediation-cases', { state });
  const [creating, setCreating] = useState(false);
  return (
    <Card title={t('mediation.list')} extra={can('mediation.handle') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="mediation-new">{t('mediation.new')}</Button>}>
      <Select allowClear placeholder={t('mediation.all')} value={state} onChange={setState} style={{ width: 160, marginBottom: 12 }} data-testid="mediation-state-filter"
        options={CASE_STATES.map((s) => ({ value: s, label: tx('mediation.state', s) }))} />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<CaseRow>
          rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="mediation-table" scroll={{ x: true }}
          columns={[
            { title: t('mediation.no'), dataIndex: 'no', render: (n: string, c) => <Link to={`/console/mediation/${c.id}`} data-testid={`mediation-${c.id}`}>{n}</Link> },
            { title: t('mediation.title'), dataIndex: 'title' },
            { title: t('mediation.kind'), dataIndex: 'kind', render: (k: string) => tx('mediation.kind', k) },
            { title: t('mediation.parties'), render: (_, c) => c.parties.map((p) => p.name).join('、') },
            { title: t('mediation.mediator'), render: (_, c) => c.mediator?.name ?? '' },
            { title: t('mediation.state'), dataIndex: 'state', render: (s: CaseRow['state']) => <Tag color={CASE_COLOR[s]}>{tx('mediation.state', s)}</Tag> },
            { title: t('mediation.createdAt'), dataIndex: 'createdAt', render: fmtTime },
          ]}
        />
      )}
      <NewCaseDialog open={creating} onClose={() => setCreating(false)} onDone={(id) => { setCreating(false); navigate(`/console/mediation/${id}`); }} />
    </Card>
  );
}
