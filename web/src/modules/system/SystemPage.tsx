import { Card, Descriptions, Statistic, Tag } from 'antd';
import { useI18n } from '../../app/i18n';
import { useFetch } from '../../app/useFetch';
import { ErrorState, Loading } from '../../app/ui/States';
import type { SystemInfo } from '../../app/types';

export default function SystemPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useFetch<SystemInfo>('/api/system');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !data) return <Loading />;
  return (
    <div style={{ maxWidth: 860 }} data-testid="system-info">
      <h1 className="gz-page-title">{t('system.title')}</h1>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('system.version')}><span className="gz-mono">{data.version}</span></Descriptions.Item>
          <Descriptions.Item label={t('system.database')}><Tag>{data.database === 'pglite' ? 'PGlite' : 'PostgreSQL'}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('system.demo')}>{data.demo ? t('common.yes') : t('common.no')}</Descriptions.Item>
          <Descriptions.Item label={t('system.migrations')}>{data.migrations}</Descriptions.Item>
          <Descriptions.Item label={t('system.keySource')}>{t(data.keySource === 'env' ? 'system.keySource.env' : 'system.keySource.file')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <div className="gz-stats">
          <Statistic title={t('system.territories')} value={data.counts.territories} />
          <Statistic title={t('system.people')} value={data.counts.people} />
          <Statistic title={t('system.accounts')} value={data.counts.accounts} />
        </div>
      </Card>
    </div>
  );
}
