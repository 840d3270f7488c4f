import { useState } from 'react';
import { Button, Card, Empty, Input, List, Segmented, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import { AgendaStateTag, fmtTime } from '../shared/Tags';
import { TextDialog } from '../shared/TextDialog';
import { DELIB, type AgendaItemOut, type Paged } from '../shared/types';
import { MergeDialog } from './MergeDialog';
import { ProposeDialog } from './ProposeDialog';
import '../deliberation.css';

type Tab = 'proposed' | 'accepted' | 'scheduled' | 'decided' | 'closed' | 'all';
const TAB_STATES: Record<Tab, string | undefined> = {
  proposed: 'proposed', accepted: 'accepted', scheduled: 'scheduled', decided: 'decided', closed: 'returned,merged,withdrawn', all: undefined,
};

/** Who put it forward: a resident, a body, or the demand it came from. */
export function AgendaSourceLine({ item }: { item: AgendaItemOut }) {
  const { t, tx } = useI18n();
  return (
    <span data-testid={`agenda-source-${item.id}`}>
      {tx('dl.source', item.source)}
      {item.proposer.bodyName ? ` · ${item.proposer.bodyName}` : item.proposer.name ? ` · ${item.proposer.name}` : ''}
      {item.demand && (
        <> · <Link to={`/console/demands/${item.demand.id}`} data-testid={`agenda-demand-${item.id}`}>{t('dl.agenda.fromDemand', { no: item.demand.no })}</Link></>
      )}
    </span>
  );
}

/** 议题: what residents, committees and the party organisation put forward, and the community's review of each. */
export default function AgendaPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const [tab, setTab] = useState<Tab>('proposed');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useFetch<Paged<AgendaItemOut>>('/api/agenda-items', { state: TAB_STATES[tab], q: q || undefined, page, pageSize: 20 });
  const [returning, setReturning] = useState<AgendaItemOut | null>(null);
  const [merging, setMerging] = useState<AgendaItemOut | null>(null);
  const [params, setParams] = useSearchParams();
  const fromDemand = params.get('fromDemand');
  const demand = useFetch<{ id: string; no: string; title: string }>(fromDemand ? `/api/demands/${fromDemand}` : null);
  const [proposing, setProposing] = useState(false);
  const closePropose = () => {
    setProposing(false);
    if (fromDemand) setParams({}, { replace: true });
  };
  const [busy, setBusy] = useState<string | null>(null);

  const accept = async (item: AgendaItemOut) => {
    setBusy(item.id);
    try {
      await api(`/api/agenda-items/${item.id}/accept`, { method: 'POST', body: {} });
      notify.success(t('dl.agenda.accepted'));
      list.reload();
    } catch (err) {
      notify.error(err);
      list.reload();
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="agenda-page">
      <div className="gz-toolbar" style={{ justifyContent: 'space-between' }}>
        <h1 className="gz-page-title" style={{ margin: 0 }}>{t('nav.agenda')}</h1>
        {can(DELIB.agendaPropose) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="agenda-new">{t('dl.agenda.new')}</Button>
        )}
      </div>
      <Card>
        <div className="gz-toolbar">
          <Segmented<Tab>
            value={tab}
            onChange={(v) => { setTab(v); setPage(1); }}
            options={(Object.keys(TAB_STATES) as Tab[]).map((k) => ({ value: k, label: <span data-testid={`agenda-tab-${k}`}>{t(`dl.agenda.tab.${k}`)}</span> }))}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
          <Input.Search allowClear placeholder={t('dl.search')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 240 }} data-testid="agenda-search" />
        </div>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
          <List<AgendaItemOut>
            data-testid="agenda-list"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dl.agenda.none')} /> }}
            pagination={list.data && list.data.total > list.data.pageSize ? {
              current: page, pageSize: list.data.pageSize, total: list.data.total, onChange: setPage, showSizeChanger: false,
            } : false}
            renderItem={(item) => (
              <List.Item data-testid={`agenda-item-${item.id}`} className="dl-row">
                <div className="dl-row-main">
                  <div className="dl-row-title">
                    <span data-testid={`agenda-title-${item.id}`}>{item.title}</span>
                    <AgendaStateTag state={item.state} testId={`agenda-state-${item.id}`} />
                  </div>
                  {item.description && item.description !== item.title && <div className="dl-row-text">{item.description}</div>}
                  <div className="dl-row-meta">
                    <AgendaSourceLine item={item} />
                    <span>{item.community.name}</span>
                    <span>{fmtTime(item.createdAt)}</span>
                    {item.resolutionId && <Link to={`/console/resolutions/${item.resolutionId}`}>{t('dl.agenda.carriedFrom')}</Link>}
                  </div>
                  {item.reason && <div className="dl-row-reason" data-testid={`agenda-reason-${item.id}`}>{t('dl.agenda.reason')}：{item.reason}</div>}
                  {item.mergedInto && <div className="dl-row-meta">{t('dl.agenda.mergedInto')}：{item.mergedInto.title}</div>}
                  {item.meeting && (
                    <div className="dl-row-meta">
                      {t('dl.agenda.onMeeting')}：<Link to={`/console/meetings/${item.meeting.id}`}>{item.meeting.title}</Link> · {fmtTime(item.meeting.startsAt)}
                    </div>
                  )}
                </div>
                <Space wrap className="dl-row-actions">
                  {item.actions.includes('accept') && (
                    <Button type="primary" loading={busy === item.id} onClick={() => accept(item)} data-testid={`agenda-accept-${item.id}`}>{t('dl.agenda.accept')}</Button>
                  )}
                  {item.actions.includes('merge') && (
                    <Button onClick={() => setMerging(item)} data-testid={`agenda-merge-${item.id}`}>{t('dl.agenda.merge')}</Button>
                  )}
                  {item.actions.includes('return') && (
                    <Button danger onClick={() => setReturning(item)} data-testid={`agenda-return-${item.id}`}>{t('dl.agenda.return')}</Button>
                  )}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <TextDialog
        open={!!returning}
        title={t('dl.agenda.returnTitle', { title: returning?.title ?? '' })}
        label={t('dl.agenda.reasonLabel')}
        field="reason"
        testId="agenda-return"
        onClose={() => setReturning(null)}
        onSubmit={async (reason) => {
          await api(`/api/agenda-items/${returning!.id}/return`, { method: 'POST', body: { reason } });
          notify.success(t('dl.agenda.returned'));
          list.reload();
        }}
      />
      <MergeDialog item={merging} onClose={() => setMerging(null)} onDone={() => { setMerging(null); list.reload(); }} />
      <ProposeDialog
        key={demand.data?.id ?? 'new'}
        open={proposing || (!!fromDemand && !!demand.data)}
        demand={demand.data ?? null}
        onClose={closePropose}
        onDone={() => { closePropose(); setTab('proposed'); list.reload(); }}
      />
    </div>
  );
}
