import { useEffect, useState } from 'react';
import { Button, Card, Empty, List } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtDate } from '../shared/format';
import { DemandStateTag } from '../shared/StateTag';
import type { PublicDemand, PublicDemands } from './types';

const categoryName = (c: PublicDemand['category']) => (typeof c === 'string' ? c : c.name);

/** 社区公示: what the community's residents asked and what was done, without anyone's name, phone or room. */
export function PublicBoard({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const [data, setData] = useState<{ community: PublicDemands['community']; items: PublicDemand[]; total: number; page: number } | null>(null);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);

  const load = async (page: number) => {
    setLoading(true);
    setError(undefined);
    try {
      const r = await api<PublicDemands>('/api/public/demands', { query: { communityId, page } });
      setData((prev) => ({ community: r.community, total: r.total, page, items: page === 1 ? r.items : [...(prev?.items ?? []), ...r.items] }));
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load(1);
  }, [communityId]);

  if (error && !data) return <ErrorState error={error} onRetry={() => void load(1)} />;
  if (!data) return <Loading />;
  return (
    <Card size="small" className="gz-m-card" data-testid="m-demands-public">
      <div className="gz-m-hint" style={{ marginBottom: 4 }}>{t('m.demand.publicHint', { community: data.community.name })}</div>
      {!data.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('m.demand.nonePublic')} />
      ) : (
        <List
          dataSource={data.items}
          renderItem={(d) => (
            <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid={`m-public-demand-${d.no}`}>
              <div className="gz-m-activity-head">
                <strong className="gz-dm-item-title">{d.title}</strong>
                <DemandStateTag state={d.state} />
              </div>
              <div className="gz-m-meta">
                <span className="gz-mono">{d.no}</span> · {categoryName(d.category)} · {fmtDate(d.createdAt)}
                {d.closedAt && <> → {fmtDate(d.closedAt)}</>}
              </div>
              {d.result && <div className="gz-dm-result">{t('m.demand.publicResult', { result: d.result })}</div>}
            </List.Item>
          )}
        />
      )}
      {data.items.length < data.total && (
        <Button block loading={loading} onClick={() => void load(data.page + 1)} data-testid="m-demands-public-more">{t('m.demand.loadMore')}</Button>
      )}
    </Card>
  );
}
