import { Card, Empty, Pagination, Spin } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import type { Page } from '../../../app/types';
import { fmtTime } from '../shared/format';
import { DemandStateTag } from '../shared/StateTag';
import type { DemandOut } from '../shared/types';

/** On a phone each demand is a card: what, where, how urgent; a tap opens it. */
export function DemandCards({ data, loading, onPage }: { data: Page<DemandOut> | undefined; loading: boolean; onPage: (page: number) => void }) {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  if (!data) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (!data.items.length) return <Empty description={t('dc.none')} />;
  return (
    <div data-testid="demand-cards" style={{ opacity: loading ? 0.6 : 1 }}>
      {data.items.map((d) => (
        <Card key={d.id} size="small" className="dc-card" onClick={() => navigate(`/console/demands/${d.id}`)} data-testid={`demand-card-${d.id}`} hoverable>
          <div className="dc-card-head">
            <span className="gz-mono dc-no">{d.no}</span>
            <DemandStateTag state={d.state} />
          </div>
          <div className="dc-card-title">{d.title}</div>
          <div className="dc-card-meta">{d.category.name} · {d.place.name}{d.level !== 'community' ? ` · ${tx('demand.level', d.level)}` : ''}</div>
          <div className="dc-card-meta">
            <span>{fmtTime(d.createdAt)}</span>
            {d.dueAt && <span className={d.overdue ? 'dc-overdue' : undefined}>{t('dc.dueShort', { due: fmtTime(d.dueAt) })}</span>}
          </div>
        </Card>
      ))}
      {data.total > data.pageSize && (
        <Pagination simple current={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} style={{ textAlign: 'center', marginTop: 12 }} />
      )}
    </div>
  );
}
