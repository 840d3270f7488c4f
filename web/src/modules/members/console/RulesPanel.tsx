import { Table } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import { fmtTime } from '../shared/periods';
import type { PointsRule } from '../shared/types';

/** The district's points rules in force, and the versions they replaced (never rewritten). */
export function RulesPanel() {
  const { t, tx } = useI18n();
  const { data, error, loading, reload } = useFetch<{ current: PointsRule[]; history: PointsRule[] }>('/api/points/rules');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const rows = [...(data?.current ?? []), ...(data?.history ?? [])];
  return (
    <Table<PointsRule>
      data-testid="rules-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 700 }}
      rowClassName={(r) => (r.validTo ? 'gz-muted-row' : '')}
      columns={[
        { title: t('rules.rule'), dataIndex: 'code', render: (c: string) => tx('points.rule', c) },
        { title: t('points.points'), dataIndex: 'points', width: 90, align: 'right' },
        { title: t('rules.monthlyCap'), dataIndex: 'monthlyCap', width: 110, align: 'right', render: (v: number | null) => v ?? t('rules.noCap') },
        { title: t('rules.expiry'), dataIndex: 'expiry', width: 110, render: (v: string) => tx('rules.expiry', v) },
        { title: t('rules.validFrom'), dataIndex: 'validFrom', width: 150, render: fmtTime },
        { title: t('rules.validTo'), dataIndex: 'validTo', width: 150, render: (v: string | null) => (v ? fmtTime(v) : t('rules.inForce')) },
      ]}
    />
  );
}
