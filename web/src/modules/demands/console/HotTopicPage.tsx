import { Button, Card, Descriptions, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtTime } from '../shared/format';
import type { DemandOut, HotTopic } from '../shared/types';
import { DemandCards } from './DemandCards';
import { useAcknowledge } from './HotTopicsPanel';

/** One hot-topic warning with the demands behind it: where a notice about it leads. */
export default function HotTopicPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { data, error, loading, reload } = useFetch<HotTopic & { demands: DemandOut[] }>(`/api/hot-topics/${id}`);
  const { mayAcknowledge, acknowledge } = useAcknowledge(reload);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const baseline = Math.round(data.baseline * 10) / 10;
  return (
    <>
      <Card
        title={<span><Tag color={data.state === 'open' ? 'red' : 'default'}>{data.term}</Tag>{data.territory.name}</span>}
        extra={data.state === 'open' && mayAcknowledge
          ? <Button onClick={() => acknowledge(data)} data-testid="hot-topic-page-ack">{t('dc.acknowledge')}</Button>
          : <Link to="/console/demand-stats">{t('dc.hotTopics')}</Link>}
        style={{ marginBottom: 16 }}
        data-testid="hot-topic-page"
      >
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('dc.hotTopics')}>{t('dc.hotTopicLine', { count: data.count, days: data.windowDays, baseline })}</Descriptions.Item>
          <Descriptions.Item label={t('dc.hotTopicDetected')}>{fmtTime(data.detectedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('dc.state')}>{data.state === 'open' ? t('dc.hotTopicOpen') : t('dc.acknowledged')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('dc.hotTopicDemands', { n: data.demands.length })} size="small" data-testid="hot-topic-demands">
        <DemandCards data={{ items: data.demands, total: data.demands.length, page: 1, pageSize: data.demands.length || 1 }} loading={loading} onPage={() => {}} />
      </Card>
    </>
  );
}
