import { useState } from 'react';
import { Button, Card, Empty, Form, Input, Result } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { AgendaStateTag, fmtTime } from '../shared/Tags';
import type { AgendaItemDetail, AgendaItemOut, Paged } from '../shared/types';
import { BackTitle } from './BackTitle';

/** What became of a proposal, in the words a resident reads. */
function Outcome({ item }: { item: AgendaItemOut }) {
  const { t } = useI18n();
  if (item.state === 'returned') return <div className="dl-m-reason" data-testid={`m-agenda-reason-${item.id}`}>{t('dl.m.returnedBecause', { reason: item.reason ?? '' })}</div>;
  if (item.state === 'merged' && item.mergedInto) return <div className="dl-m-meta">{t('dl.m.mergedInto', { title: item.mergedInto.title })}</div>;
  if (item.meeting) return <div className="dl-m-meta">{t('dl.m.onMeeting', { title: item.meeting.title, time: fmtTime(item.meeting.startsAt) })}</div>;
  if (item.state === 'accepted') return <div className="dl-m-meta">{t('dl.m.acceptedHint')}</div>;
  if (item.state === 'proposed') return <div className="dl-m-meta">{t('dl.m.proposedHint')}</div>;
  return null;
}

function MyItems() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useFetch<Paged<AgendaItemOut>>('/api/agenda-items', { mine: true, pageSize: 50 });
  return (
    <>
      <BackTitle title={t('dl.m.propose')} />
      <Button type="primary" block size="large" icon={<PlusOutlined />} onClick={() => navigate('/m/agenda/new')} style={{ marginBottom: 12 }} data-testid="m-agenda-new">
        {t('dl.m.proposeNew')}
      </Button>
      <Card size="small" className="gz-m-card" title={t('dl.m.myItems')} data-testid="m-agenda-list">
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : list.loading && !list.data ? <Loading /> : !list.data?.items.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dl.m.noItems')} />
        ) : list.data.items.map((item) => (
          <button key={item.id} type="button" className="dl-m-item" onClick={() => navigate(`/m/agenda/${item.id}`)} data-testid={`m-agenda-item-${item.id}`}>
            <div className="dl-m-item-title"><span>{item.title}</span><AgendaStateTag state={item.state} testId={`m-agenda-state-${item.id}`} /></div>
            <div className="dl-m-meta">{fmtTime(item.createdAt)}</div>
            <Outcome item={item} />
          </button>
        ))}
      </Card>
    </>
  );
}

function ProposeForm() {
  const { t } = useI18n();
  const notify = useNotify();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ title: string; description?: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { title: string; description?: string }) => {
    setBusy(true);
    try {
      const item = await api<AgendaItemDetail>('/api/agenda-items', { method: 'POST', body: { title: v.title.trim(), description: v.description?.trim() || undefined } });
      navigate(`/m/agenda/${item.id}`, { replace: true, state: { fresh: true } });
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <BackTitle title={t('dl.m.proposeNew')} to="/m/agenda" />
      <Card size="small" className="gz-m-card">
        <p className="dl-m-meta" style={{ marginTop: 0 }}>{t('dl.m.proposeHint')}</p>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="title" label={t('dl.agenda.titleLabel')} rules={[{ required: true, whitespace: true, message: t('dl.required') }]}>
            <Input size="large" maxLength={200} data-testid="m-agenda-title" />
          </Form.Item>
          <Form.Item name="description" label={t('dl.m.why')}>
            <Input.TextArea rows={5} maxLength={4000} data-testid="m-agenda-description" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="m-agenda-submit">{t('dl.submit')}</Button>
        </Form>
      </Card>
    </>
  );
}

function ItemPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const notify = useNotify();
  const { data: item, error, reload } = useFetch<AgendaItemDetail>(`/api/agenda-items/${id}`);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!item || item.id !== id) return <Loading />;
  const withdraw = async () => {
    try {
      await api(`/api/agenda-items/${id}/withdraw`, { method: 'POST', body: {} });
      reload();
    } catch (err) {
      notify.error(err);
    }
  };
  return (
    <>
      <BackTitle title={t('dl.m.item')} to="/m/agenda" />
      {item.state === 'proposed' && item.mine && (
        <Result status="success" title={t('dl.m.sent')} subTitle={t('dl.m.proposedHint')} style={{ padding: '8px 0' }} />
      )}
      <Card size="small" className="gz-m-card" data-testid="m-agenda-detail">
        <div className="dl-m-item-title"><span data-testid="m-agenda-detail-title">{item.title}</span><AgendaStateTag state={item.state} testId="m-agenda-detail-state" /></div>
        <div className="dl-m-meta">{item.community.name} · {fmtTime(item.createdAt)}</div>
        {item.description && <div className="dl-m-body" style={{ marginTop: 8 }}>{item.description}</div>}
        <Outcome item={item} />
        {item.decision && <div className="dl-m-answer">{t('dl.m.decided', { for: item.decision.for, against: item.decision.against, abstain: item.decision.abstain })}</div>}
        {item.actions.includes('withdraw') && (
          <Button block danger style={{ marginTop: 12 }} onClick={withdraw} data-testid="m-agenda-withdraw">{t('dl.m.withdraw')}</Button>
        )}
      </Card>
    </>
  );
}

/** /m/agenda: a resident proposes a topic and follows what the community made of it. */
export default function AgendaRoutes() {
  return (
    <Routes>
      <Route index element={<MyItems />} />
      <Route path="new" element={<ProposeForm />} />
      <Route path=":id" element={<ItemPage />} />
    </Routes>
  );
}
