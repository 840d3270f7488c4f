import { Button, Card, Empty, List, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import type { Items } from '../../../app/types';
import { fmtTime } from '../shared/format';
import type { HotTopic } from '../shared/types';

/** Marking a warning as seen: the community's staff and the street may. */
export function useAcknowledge(reload: () => void) {
  const { hasRole } = useAuth();
  const notify = useNotify();
  const mayAcknowledge = hasRole('community_worker', 'community_secretary', 'street_admin');
  const acknowledge = async (h: HotTopic) => {
    try {
      await api(`/api/hot-topics/${h.id}/acknowledge`, { method: 'POST' });
      notify.success();
      reload();
    } catch (err) {
      notify.error(err);
    }
  };
  return { mayAcknowledge, acknowledge };
}

/** 热点预警: words that suddenly come up far more often than usual in a community's demands. */
export function HotTopicsPanel({ territoryId }: { territoryId?: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useFetch<Items<HotTopic>>('/api/hot-topics', { territoryId });
  const { mayAcknowledge, acknowledge } = useAcknowledge(reload);

  return (
    <Card title={t('dc.hotTopics')} data-testid="hot-topics" style={{ marginBottom: 16 }}>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <List<HotTopic>
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dc.noHotTopics')} /> }}
          renderItem={(h) => (
            <List.Item
              data-testid={`hot-topic-${h.id}`}
              actions={h.state === 'open' && mayAcknowledge
                ? [<Button key="ack" size="small" onClick={() => acknowledge(h)} data-testid={`hot-topic-ack-${h.id}`}>{t('dc.acknowledge')}</Button>]
                : []}
            >
              <List.Item.Meta
                title={<Link to={`/console/hot-topics/${h.id}`} data-testid={`hot-topic-open-${h.id}`}><Tag color={h.state === 'open' ? 'red' : 'default'}>{h.term}</Tag>{h.territory.name}</Link>}
                description={
                  <>
                    <div>{t('dc.hotTopicLine', { count: h.count, days: h.windowDays, baseline: Math.round(h.baseline * 10) / 10 })}</div>
                    <div style={{ fontSize: 12 }}>{fmtTime(h.detectedAt)} · {t('dc.hotTopicDemands', { n: h.demandCount })}{h.state !== 'open' ? ` · ${t('dc.acknowledged')}` : ''}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
