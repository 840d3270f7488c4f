import { useState } from 'react';
import { Button, Card, Empty, Form, Input, List, Modal, Select, Space, Steps, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import type { BodyRow, Items } from '../../../app/types';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { useGrantNodes } from '../../members/shared/grantNodes';
import { fmtTime } from '../shared/Tags';
import { TextDialog } from '../shared/TextDialog';
import { DELIB, type CogovMatterOut, type CogovStage, type MeetingOut, type Paged } from '../shared/types';
import '../deliberation.css';

const STAGE_MEETING: Record<CogovStage, string | undefined> = { propose: undefined, consult: 'regional_joint_conference', review: 'representative_assembly' };

/** The three stages as antd Steps: done ones with their body, date and outcome, the next one current. */
function MatterSteps({ m }: { m: CogovMatterOut }) {
  const { t, tx } = useI18n();
  const current = m.next ? m.stages.findIndex((s) => s.stage === m.next) : m.stages.length;
  return (
    <Steps
      size="small"
      current={current}
      status={m.state === 'dropped' ? 'error' : m.state === 'reviewed' ? 'finish' : 'process'}
      data-testid={`cogov-steps-${m.id}`}
      items={m.stages.map((s) => ({
        title: <span data-testid={`cogov-stage-${m.id}-${s.stage}`} data-done={s.done}>{tx('dl.cogov.stage', s.stage)}</span>,
        description: s.done ? (
          <div className="dl-row-meta">
            <div>{s.decidedOn}{s.body ? ` · ${s.body.name}` : ''}</div>
            {s.meeting && <div>{s.meeting.title}</div>}
            <div style={{ color: '#333' }}>{s.outcome}</div>
          </div>
        ) : <span className="dl-row-meta">{t(`dl.cogov.who.${s.stage}`)}</span>,
      }))}
    />
  );
}

function RecordDialog({ matter, onClose, onDone }: { matter: CogovMatterOut | null; onClose: () => void; onDone: () => void }) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<{ outcome: string; decidedOn: string; bodyId?: string; meetingId?: string }>();
  const stage = matter?.next ?? 'propose';
  const bodies = useFetch<Items<BodyRow>>(matter ? '/api/bodies' : null, { territoryId: matter?.community.id, subtree: true });
  const meetings = useFetch<Paged<MeetingOut>>(matter ? '/api/meetings' : null, { kind: STAGE_MEETING[stage], pageSize: 50 });
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api(`/api/cogov-matters/${matter!.id}/stages`, { method: 'POST', body: { stage, outcome: v.outcome.trim(), decidedOn: v.decidedOn, bodyId: v.bodyId, meetingId: v.meetingId } });
    form.resetFields();
    onDone();
  });
  return (
    <Modal open={!!matter} title={t('dl.cogov.record', { stage: tx('dl.cogov.stage', stage) })} onCancel={onClose} onOk={submit} okText={t('common.save')}
      cancelText={t('common.cancel')} okButtonProps={{ loading: busy, 'data-testid': 'cogov-record-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ decidedOn: dayjs().format('YYYY-MM-DD') }}>
        <Form.Item name="bodyId" label={t('dl.cogov.body')} extra={t(`dl.cogov.who.${stage}`)}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={bodies.loading} data-testid="cogov-record-body"
            options={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name} · ${tx('body', b.kind)}` }))} />
        </Form.Item>
        <Form.Item name="meetingId" label={t('dl.cogov.meeting')}>
          <Select allowClear loading={meetings.loading} data-testid="cogov-record-meeting"
            options={(meetings.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.title} · ${fmtTime(m.startsAt)}` }))} />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('dl.cogov.decidedOn')} rules={[{ required: true, message: t('dl.required') }]}>
          <Input type="date" data-testid="cogov-record-date" />
        </Form.Item>
        <Form.Item name="outcome" label={t('dl.cogov.outcome')} rules={[{ required: true, whitespace: true, message: t('dl.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="cogov-record-outcome" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NewMatterDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const nodes = useGrantNodes();
  const [form] = Form.useForm<{ title: string; description?: string; territoryId?: string }>();
  // The new matter appears in the list at once: no message needed.
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api('/api/cogov-matters', { method: 'POST', body: { title: v.title.trim(), description: v.description?.trim() || undefined, territoryId: v.territoryId } });
    form.resetFields();
    onDone();
  }, { success: false });
  return (
    <Modal open={open} title={t('dl.cogov.new')} onCancel={onClose} onOk={submit} okText={t('common.create')} cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'cogov-new-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ territoryId: nodes[0]?.id }}>
        {nodes.length > 1 && (
          <Form.Item name="territoryId" label={t('dl.community')}><Select options={nodes.map((n) => ({ value: n.id, label: n.name }))} /></Form.Item>
        )}
        <Form.Item name="title" label={t('dl.cogov.title')} rules={[{ required: true, whitespace: true, message: t('dl.required') }]}>
          <Input maxLength={200} data-testid="cogov-new-title" />
        </Form.Item>
        <Form.Item name="description" label={t('dl.agenda.descriptionLabel')}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="cogov-new-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 提议—商议—评议: co-governance matters and where each stands among the three bodies. */
export default function CogovPage() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const list = useFetch<Paged<CogovMatterOut>>('/api/cogov-matters', { page, pageSize: 20 });
  const [recording, setRecording] = useState<CogovMatterOut | null>(null);
  const [creating, setCreating] = useState(false);
  const [dropping, setDropping] = useState<CogovMatterOut | null>(null);

  return (
    <div data-testid="cogov-page">
      <div className="gz-toolbar" style={{ justifyContent: 'space-between' }}>
        <h1 className="gz-page-title" style={{ margin: 0 }}>{t('nav.cogov')}</h1>
        {can(DELIB.cogovManage) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cogov-new">{t('dl.cogov.new')}</Button>}
      </div>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <List<CogovMatterOut>
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dl.cogov.none')} /> }}
          pagination={list.data && list.data.total > list.data.pageSize ? { current: page, pageSize: list.data.pageSize, total: list.data.total, onChange: setPage } : false}
          renderItem={(m) => (
            <Card size="small" style={{ marginBottom: 12 }} data-testid={`cogov-matter-${m.id}`}
              title={<span>{m.title} <Tag>{tx('dl.cogov.state', m.state)}</Tag></span>}
              extra={(
                <Space size={4} wrap>
                  {m.actions.includes('record') && m.next && (
                    <Button size="small" type="primary" onClick={() => setRecording(m)} data-testid={`cogov-record-${m.id}`}>{t('dl.cogov.record', { stage: tx('dl.cogov.stage', m.next) })}</Button>
                  )}
                  {m.actions.includes('drop') && <Button size="small" danger onClick={() => setDropping(m)} data-testid={`cogov-drop-${m.id}`}>{t('dl.cogov.drop')}</Button>}
                </Space>
              )}>
              <div className="dl-row-meta" style={{ marginBottom: 8 }}>{m.community.name} · {fmtTime(m.createdAt)}</div>
              {m.description && <div className="dl-row-text" style={{ marginBottom: 8 }}>{m.description}</div>}
              <MatterSteps m={m} />
            </Card>
          )}
        />
      )}
      <RecordDialog matter={recording} onClose={() => setRecording(null)} onDone={() => { setRecording(null); list.reload(); }} />
      <TextDialog open={!!dropping} title={t('dl.cogov.drop')} label={t('dl.meeting.cancelReason')} field="reason" testId="cogov-drop-dialog"
        onClose={() => setDropping(null)}
        onSubmit={async (reason) => { await api(`/api/cogov-matters/${dropping!.id}/drop`, { method: 'POST', body: { reason } }); list.reload(); }} />
      <NewMatterDialog open={creating} onClose={() => setCreating(false)} onDone={() => { setCreating(false); list.reload(); }} />
    </div>
  );
}
