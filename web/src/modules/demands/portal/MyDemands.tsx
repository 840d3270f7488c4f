import { useEffect, useState } from 'react';
import { Button, Card, Empty, List } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ErrorState, Loading } from '../../../app/ui/States';
import type { Page } from '../../../app/types';
import { fmtTime } from '../shared/format';
import { DemandStateTag } from '../shared/StateTag';
import type { DemandOut } from '../shared/types';

const PAGE_SIZE = 20;

/** 我的诉求: what I reported, newest first, with where each stands. */
export function MyDemands() {
  const { t } = useI18n();
  const [pages, setPages] = useState<Page<DemandOut>[]>([]);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);

  const load = async (page: number) => {
    setLoading(true);
    setError(undefined);
    try {
      const p = await api<Page<DemandOut>>('/api/demands', { query: { mine: true, page, pageSize: PAGE_SIZE } });
      setPages((prev) => [...prev.filter((x) => x.page < page), p]);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load(1);
  }, []);

  const items = pages.flatMap((p) => p.items);
  const last = pages.at(-1);
  if (error && !items.length) return <ErrorState error={error} onRetry={() => void load(1)} />;
  if (loading && !items.length) return <Loading />;
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('m.demand.noneMine')} data-testid="m-demands-mine-empty" />;
  return (
    <Card size="small" className="gz-m-card">
      <List
        data-testid="m-demands-mine"
        dataSource={items}
        renderItem={(d) => (
          <List.Item style={{ paddingInline: 0, display: 'block' }}>
            <Link to={`/m/demands/${d.id}`} className="gz-dm-item" data-testid={`m-demand-item-${d.id}`} data-no={d.no}>
              <div className="gz-m-activity-head">
                <strong className="gz-dm-item-title">{d.title}</strong>
                <DemandStateTag state={d.state} testId={`m-demand-state-${d.id}`} />
              </div>
              <div className="gz-m-meta">
                <span className="gz-mono">{d.no}</span> · {d.category.name} · {fmtTime(d.createdAt)}
                {d.overdue && <span className="gz-dm-overdue"> · {t('m.demand.overdue')}</span>}
              </div>
              <RightOutlined className="gz-dm-item-arrow" />
            </Link>
          </List.Item>
        )}
      />
      {last && last.page * last.pageSize < last.total && (
        <Button block loading={loading} onClick={() => void load(last.page + 1)} data-testid="m-demands-mine-more">{t('m.demand.loadMore')}</Button>
      )}
    </Card>
  );
}
