import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { ApiError, api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { TallyTable } from '../shared/TallyTable';
import { fmtMinute } from '../shared/time-left';
import { type Estate, MATTER_KINDS, type Matter, type Tally, type Unit, VOTING, fmtArea } from '../shared/types';

function NewMatterDialog({ estateId, open, onClose, onDone }: { estateId: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ kind: string; title: string; description?: string; closesAt?: Dayjs | null }>();
  const { busy, submit } = useFormSubmit(form, async ({ closesAt, ...v }) => {
    await api(`/api/estates/${estateId}/matters`, { method: 'POST', body: { ...v, ...(closesAt ? { closesAt: closesAt.toISOString() } : {}) } });
    onDone();
  });
  return (
    <Modal open={open} title={t('vote.matter.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ 'data-testid': 'matter-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'property_service' }}>
        <Form.Item name="kind" label={t('vote.matter.kind')} rules={[{ required: true }]}>
          <Select data-testid="matter-kind" options={MATTER_KINDS.map((k) => ({ value: k, label: t(`vote.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('vote.matter.title')} rules={[{ required: true, whitespace: true, message: t('vote.required') }]}>
          <Input data-testid="matter-title" maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('vote.matter.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="closesAt" label={t('vote.matter.closesAt')} extra={t('vote.matter.closesAtHint')}
          rules={[{ validator: (_, v?: Dayjs | null) => (!v || v.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error(t('vote.matter.closesAtPast')))) }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="matter-closes-at" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LiveTally({ matter }: { matter: Matter }) {
  const { t } = useI18n();
  const tally = useFetch<Tally>(`/api/vote-matters/${matter.id}/tally`);
  return (
    <div style={{ padding: 8 }}>
      <Button size="small" icon={<ReloadOutlined />} onClick={tally.reload} data-testid="tally-refresh" style={{ marginBottom: 8 }}>{t('vote.refresh')}</Button>
      {tally.error ? <ErrorState error={tally.error} /> : tally.data ? <TallyTable tally={tally.data} /> : <Loading />}
    </div>
  );
}

function Matters({ estate }: { estate: Estate }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const list = useFetch<{ items: Matter[] }>(`/api/estates/${estate.id}/matters`);
  const [creating, setCreating] = useState(false);
  const act = async (m: Matter, what: 'open' | 'close') => {
    try {
      await api(`/api/vote-matters/${m.id}/${what}`, { method: 'POST' });
      notify.success();
      list.reload();
    } catch (err) {
      notify.error(err);
    }
  };
  const manage = can(VOTING.manage);
  return (
    <>
      {manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 12 }} data-testid="matter-new">{t('vote.matter.new')}</Button>}
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Matter>
          rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="matters-table" scroll={{ x: true }} pagination={false}
          expandable={{
            expandedRowRender: (m) => (m.state === 'closed' && m.result ? <TallyTable tally={m.result} /> : m.state === 'open' && manage ? <LiveTally matter={m} /> : null),
            rowExpandable: (m) => m.state !== 'draft',
          }}
          columns={[
            { title: t('vote.matter.title'), dataIndex: 'title', render: (title: string, m) => <span data-testid={`matter-${m.id}`}>{title}</span> },
            { title: t('vote.matter.kind'), dataIndex: 'kind', render: (k: Matter['kind']) => t(`vote.kind.${k}`) },
            { title: t('vote.matter.state'), dataIndex: 'state', render: (s: Matter['state'], m) => <Tag color={s === 'open' ? 'blue' : s === 'closed' ? 'default' : 'gold'}>{t(`vote.state.${s}`)}{m.result ? ` · ${t(`vote.verdict.${m.result.verdict}`)}` : ''}</Tag> },
            { title: t('vote.matter.closesAt'), dataIndex: 'closesAt', render: (at: string | null) => (at ? fmtMinute(at, lang) : '—') },
            { title: t('vote.ballots'), dataIndex: 'ballots' },
            {
              title: t('common.actions'),
              render: (_, m) => manage && (
                <Space>
                  {m.state === 'draft' && <Popconfirm title={t('vote.matter.openConfirm')} onConfirm={() => act(m, 'open')}><Button size="small" type="primary" data-testid={`matter-open-${m.id}`}>{t('vote.matter.open')}</Button></Popconfirm>}
                  {m.state === 'open' && <Popconfirm title={t('vote.matter.closeConfirm')} onConfirm={() => act(m, 'close')}><Button size="small" danger data-testid={`matter-close-${m.id}`}>{t('vote.matter.close')}</Button></Popconfirm>}
                </Space>
              ),
            },
          ]}
        />
      )}
      <NewMatterDialog estateId={estate.id} open={creating} onClose={() => setCreating(false)} onDone={() => { setCreating(false); list.reload(); }} />
    </>
  );
}

interface ImportError { row: number; column: string; message: string }

function Register({ estate, onImported }: { estate: Estate; onImported: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const units = useFetch<{ items: Unit[] }>(`/api/estates/${estate.id}/units`);
  const [report, setReport] = useState<{ ok?: { units: number; owners: number; linked: number; developerUnits: number }; errors?: ImportError[]; reportId?: string } | null>(null);
  const upload = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      const ok = await api<{ units: number; owners: number; linked: number; developerUnits: number }>(`/api/estates/${estate.id}/owners/import`, { method: 'POST', body });
      setReport({ ok });
      units.reload();
      onImported();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'import.badRows') setReport({ errors: err.problem.errors as ImportError[], reportId: err.problem.reportId as string });
      else notify.error(err);
    }
  };
  return (
    <>
      {can(VOTING.manage) && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}>
            <Button icon={<UploadOutlined />} data-testid="register-upload">{t('vote.register.import')}</Button>
          </Upload>
          <div style={{ color: '#888', fontSize: 13 }}>{t('vote.register.hint')}</div>
          {report?.ok && <Alert type="success" showIcon data-testid="register-report" message={t('vote.register.done', report.ok)} />}
          {report?.errors && (
            <Alert type="error" showIcon data-testid="register-report" message={t('vote.register.failed', { count: new Set(report.errors.map((e) => e.row)).size })}
              description={(
                <>
                  <Table size="small" pagination={false} rowKey={(e) => `${e.row}-${e.column}`} dataSource={report.errors.slice(0, 50)}
                    columns={[{ title: t('vote.register.row'), dataIndex: 'row' }, { title: t('vote.register.column'), dataIndex: 'column' }, { title: t('vote.register.message'), dataIndex: 'message' }]} />
                  {report.reportId && <a href={`/api/imports/${report.reportId}/report.xlsx`}>{t('vote.register.download')}</a>}
                </>
              )} />
          )}
        </Space>
      )}
      {units.error ? <ErrorState error={units.error} /> : (
        <Table<Unit>
          rowKey="id" size="small" loading={units.loading} dataSource={units.data?.items ?? []} data-testid="units-table" scroll={{ x: true }}
          columns={[
            { title: t('vote.unit.label'), dataIndex: 'label' },
            { title: t('vote.unit.owner'), render: (_, u) => <>{u.owner.name}{u.owner.isDeveloper && <Tag color="purple" style={{ marginInlineStart: 4 }}>{t('vote.unit.developer')}</Tag>}</> },
            { title: t('vote.unit.area'), render: (_, u) => `${fmtArea(u.area)} ㎡` },
            { title: t('vote.unit.areaSource'), dataIndex: 'areaSource', render: (s: Unit['areaSource']) => t(`vote.areaSource.${s}`) },
            { title: t('vote.unit.linked'), render: (_, u) => (u.owner.linked ? <Tag color="green">{t('vote.unit.linkedYes')}</Tag> : <Tag>{t('vote.unit.linkedNo')}</Tag>) },
          ]}
        />
      )}
    </>
  );
}

/** One estate: its matters with the live tally, and its owners' register. */
export function EstatePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const estate = useFetch<Estate>(`/api/estates/${id}`);
  if (estate.error) return <ErrorState error={estate.error} onRetry={estate.reload} />;
  if (!estate.data) return <Loading />;
  const e = estate.data;
  return (
    <Card title={<span data-testid="estate-title">{e.name}</span>}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('vote.estate.node')}>{e.territoryName}</Descriptions.Item>
        <Descriptions.Item label={t('vote.units')}>{e.units}</Descriptions.Item>
        <Descriptions.Item label={t('vote.owners')}>{e.owners}</Descriptions.Item>
        <Descriptions.Item label={t('vote.totalArea')}>{fmtArea(e.area)} ㎡</Descriptions.Item>
        <Descriptions.Item label={t('vote.estate.changeable')}>{e.ballotsChangeable ? t('vote.yes') : t('vote.no')}</Descriptions.Item>
      </Descriptions>
      <Tabs items={[
        { key: 'matters', label: t('vote.matters'), children: <Matters estate={e} /> },
        { key: 'register', label: t('vote.register'), children: <Register estate={e} onImported={estate.reload} /> },
      ]} />
    </Card>
  );
}
