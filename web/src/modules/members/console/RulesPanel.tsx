import { useState } from 'react';
import { Button, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import { fmtTime } from '../shared/periods';
import type { PointsRule } from '../shared/types';
import { RuleForm } from './RuleForm';

const CODES: PointsRule['code'][] = ['service_hour', 'activity', 'wish', 'registration'];

/**
 * The district's points rules in force, editable by the district administrator, and the versions
 * they replaced: a change opens a new version and never rewrites points already awarded.
 */
export function RulesPanel() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const write = can('points.rules.write');
  const { data, error, loading, reload } = useFetch<{ districtId: string; current: PointsRule[]; history: PointsRule[] }>('/api/points/rules');
  const [editing, setEditing] = useState<PointsRule['code'] | null>(null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const current = CODES.map((code) => data?.current.find((r) => r.code === code) ?? { code, id: code, missing: true as const });
  type Row = PointsRule | { code: PointsRule['code']; id: string; missing: true };
  const cap = (v: number | null) => (v === null ? t('rules.noCap') : v);

  const columns = [
    { title: t('rules.rule'), dataIndex: 'code', width: 120, render: (c: string) => tx('points.rule', c) },
    { title: t('points.points'), dataIndex: 'points', width: 110, align: 'right' as const, render: (v: number | undefined, r: Row) => ('missing' in r ? t('rules.unset') : r.code === 'service_hour' ? t('rules.perHour', { points: v! }) : v) },
    { title: t('rules.monthlyCap'), dataIndex: 'monthlyCap', width: 110, align: 'right' as const, render: (v: number | null, r: Row) => ('missing' in r ? '' : cap(v)) },
    { title: t('rules.expiry'), dataIndex: 'expiry', width: 130, render: (v: string) => tx('rules.expiry', v) },
    { title: t('rules.validFrom'), dataIndex: 'validFrom', width: 150, render: fmtTime },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      <Table<Row>
        data-testid="rules-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={current}
        pagination={false}
        scroll={{ x: 720 }}
        onRow={(r) => ({ 'data-testid': `rule-row-${r.code}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          ...columns,
          ...(write ? [{
            title: t('common.actions'), key: 'actions', width: 100, fixed: 'right' as const,
            render: (_: unknown, r: Row) => <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r.code)} data-testid={`rule-edit-${r.code}`}>{t('rules.edit')}</Button>,
          }] : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('rules.history')}</Typography.Title>
      <Table<PointsRule>
        data-testid="rules-history"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.history ?? []}
        locale={{ emptyText: t('rules.noHistory') }}
        pagination={(data?.history.length ?? 0) > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 720 }}
        rowClassName="gz-muted-row"
        onRow={(r) => ({ 'data-testid': `rule-history-${r.code}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[...columns, { title: t('rules.validTo'), dataIndex: 'validTo', width: 150, render: fmtTime }]}
      />
      {data && (
        <RuleForm districtId={data.districtId} code={editing} current={data.current.find((r) => r.code === editing)}
          onClose={() => setEditing(null)} onDone={() => { setEditing(null); reload(); }} />
      )}
    </>
  );
}
