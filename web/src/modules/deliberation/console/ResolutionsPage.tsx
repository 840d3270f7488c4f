import { useState } from 'react';
import { Card, Empty, Input, List, Segmented, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import { fmtDate, ResolutionStateTag } from '../shared/Tags';
import type { Paged, ResolutionOut } from '../shared/types';
import '../deliberation.css';

type Tab = 'tracking' | 'overdue' | 'draft' | 'done' | 'all';
const TABS: Record<Tab, { state?: string; overdue?: boolean }> = {
  tracking: { state: 'published,in_progress' }, overdue: { overdue: true }, draft: { state: 'draft' }, done: { state: 'done' }, all: {},
};

/** 决议: published and tracked to done; the overdue ones in red. */
export default function ResolutionsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [tab, setTab] = useState<Tab>('tracking');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useFetch<Paged<ResolutionOut>>('/api/resolutions', { ...TABS[tab], q: q || undefined, page, pageSize: 20 });

  return (
    <div data-testid="resolutions-page">
      <h1 className="gz-page-title">{t('nav.resolutions')}</h1>
      <Card>
        <div className="gz-toolbar">
          <Segmented<Tab>
            value={tab}
            onChange={(v) => { setTab(v); setPage(1); }}
            options={(Object.keys(TABS) as Tab[]).map((k) => ({ value: k, label: <span data-testid={`resolution-tab-${k}`}>{t(`dl.resolution.tab.${k}`)}</span> }))}
          />
          <Input.Search allowClear placeholder={t('dl.search')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 240 }} data-testid="resolution-search" />
        </div>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
          <List<ResolutionOut>
            data-testid="resolutions-list"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dl.resolution.none')} /> }}
            pagination={list.data && list.data.total > list.data.pageSize ? {
              current: page, pageSize: list.data.pageSize, total: list.data.total, onChange: setPage, showSizeChanger: false,
            } : false}
            renderItem={(r) => (
              <List.Item className={`dl-row gz-clickable-row${r.overdue ? ' dl-overdue-row' : ''}`} data-testid={`resolution-item-${r.id}`} data-overdue={r.overdue}
                onClick={() => navigate(`/console/resolutions/${r.id}`)}>
                <div className="dl-row-main">
                  <div className="dl-row-title">
                    <span>{r.title}</span>
                    <ResolutionStateTag state={r.state} overdue={r.overdue} testId={`resolution-state-${r.id}`} />
                  </div>
                  <div className="dl-row-meta">
                    <span>{r.community.name}</span>
                    {r.meeting && <span>{r.meeting.title}</span>}
                    {r.responsibleBody && <span>{t('dl.resolution.responsible')}：{r.responsibleBody.name}</span>}
                    {r.dueOn && <span className={r.overdue ? 'dl-overdue' : undefined}>{t('dl.resolution.dueOn')}：{r.dueOn}</span>}
                    {r.publicationOpen && r.publicUntil && <span>{t('dl.resolution.publicUntil', { date: fmtDate(r.publicUntil) })}</span>}
                  </div>
                </div>
                <div className="dl-row-actions">
                  {r.unansweredObjections > 0 && <Tag color="orange" data-testid={`resolution-unanswered-${r.id}`}>{t('dl.resolution.unanswered', { n: r.unansweredObjections })}</Tag>}
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
