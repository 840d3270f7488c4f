import { useState } from 'react';
import { Button, Card, Descriptions, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { AgendaStateTag, fmtTime } from '../shared/Tags';
import { TextDialog } from '../shared/TextDialog';
import type { AgendaItemDetail } from '../shared/types';
import { AgendaSourceLine } from './AgendaPage';
import { MergeDialog } from './MergeDialog';
import '../deliberation.css';

/** One agenda item, where a notice of a new proposal leads: its source, what became of it, and the review buttons. */
export default function AgendaItemPage() {
  const { id = '' } = useParams();
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const notify = useNotify();
  const { data: item, error, reload } = useFetch<AgendaItemDetail>(`/api/agenda-items/${id}`);
  const [returning, setReturning] = useState(false);
  const [merging, setMerging] = useState(false);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!item || item.id !== id) return <Loading />;
  const accept = async () => {
    try {
      await api(`/api/agenda-items/${id}/accept`, { method: 'POST', body: {} });
      notify.success(t('dl.agenda.accepted'));
    } catch (err) {
      notify.error(err);
    }
    reload();
  };
  return (
    <div data-testid="agenda-item-page">
      <Space style={{ marginBottom: 8 }}>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/agenda')} aria-label={t('dl.back')} />
        <AgendaStateTag state={item.state} testId="agenda-item-state" />
      </Space>
      <h1 className="gz-page-title">{item.title}</h1>
      <Card size="small">
        {item.description && <div className="dl-body" style={{ marginBottom: 12 }}>{item.description}</div>}
        <Descriptions size="small" column={1} items={[
          { key: 'source', label: t('dl.agenda.source'), children: <AgendaSourceLine item={item} /> },
          { key: 'node', label: t('dl.community'), children: item.community.name },
          { key: 'at', label: t('dl.agenda.proposedAt'), children: fmtTime(item.createdAt) },
          ...(item.reason ? [{ key: 'reason', label: t('dl.agenda.reason'), children: item.reason }] : []),
          ...(item.mergedInto ? [{ key: 'into', label: t('dl.agenda.mergedInto'), children: <Link to={`/console/agenda/${item.mergedInto.id}`}>{item.mergedInto.title}</Link> }] : []),
          ...(item.merged.length ? [{ key: 'merged', label: t('dl.agenda.mergedHere'), children: item.merged.map((m) => m.title).join('、') }] : []),
          ...(item.meeting ? [{ key: 'meeting', label: t('dl.agenda.onMeeting'), children: <Link to={`/console/meetings/${item.meeting.id}`}>{item.meeting.title}</Link> }] : []),
          ...(item.decision ? [{ key: 'decision', label: t('dl.print.decision'), children: `${tx('dl.outcome', item.decision.outcome)} · ${t('dl.decision.preview', { for: item.decision.for, against: item.decision.against, abstain: item.decision.abstain, present: item.decision.present })}` }] : []),
        ]} />
        <div className="dl-actions">
          {item.actions.includes('accept') && <Button type="primary" onClick={accept} data-testid="agenda-item-accept">{t('dl.agenda.accept')}</Button>}
          {item.actions.includes('merge') && <Button onClick={() => setMerging(true)} data-testid="agenda-item-merge">{t('dl.agenda.merge')}</Button>}
          {item.actions.includes('return') && <Button danger onClick={() => setReturning(true)} data-testid="agenda-item-return">{t('dl.agenda.return')}</Button>}
        </div>
      </Card>
      <TextDialog open={returning} title={t('dl.agenda.returnTitle', { title: item.title })} label={t('dl.agenda.reasonLabel')} field="reason" testId="agenda-return"
        onClose={() => setReturning(false)} onSubmit={async (reason) => { await api(`/api/agenda-items/${id}/return`, { method: 'POST', body: { reason } }); reload(); }} />
      <MergeDialog item={merging ? item : null} onClose={() => setMerging(false)} onDone={() => { setMerging(false); reload(); }} />
    </div>
  );
}
