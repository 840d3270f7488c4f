import { useState } from 'react';
import { App, Button, Select, Table } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import type { Items } from '../../../app/types';
import { currentYear, fmtTime } from '../shared/periods';
import { Stars } from '../shared/Stars';
import type { Commendation } from '../shared/types';

/** 星级表彰: members at or above the year's thresholds; streets and the district run the commendation. */
export function CommendationsPanel({ territoryId }: { territoryId: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const { modal } = App.useApp();
  const years = Array.from({ length: 4 }, (_, i) => String(currentYear() - i));
  const [period, setPeriod] = useState(years[0]!);
  const { data, error, loading, reload } = useFetch<Items<Commendation>>('/api/points/commendations', { territoryId, period });

  const run = () =>
    modal.confirm({
      title: t('commend.run'),
      content: t('commend.runConfirm', { period }),
      okButtonProps: { 'data-testid': 'commend-run-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const res = await api<{ created: number }>('/api/points/commendations', { method: 'POST', body: { territoryId, period } });
          notify.success(t('commend.created', { count: res.created }));
          reload();
        } catch (err) {
          notify.error(err);
        }
      },
    });

  return (
    <>
      <div className="gz-toolbar">
        <Select value={period} onChange={setPeriod} style={{ width: 120 }} data-testid="commend-period" options={years.map((y) => ({ value: y, label: y }))} />
        {can('points.commend') && <Button type="primary" icon={<TrophyOutlined />} onClick={run} data-testid="commend-run">{t('commend.run')}</Button>}
        <span style={{ color: '#888' }}>{t('commend.thresholds')}</span>
      </div>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<Commendation>
          data-testid="commend-table"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('commend.none') }}
          scroll={{ x: 620 }}
          pagination={(data?.items.length ?? 0) > 50 ? { pageSize: 50 } : false}
          onRow={(r) => ({ 'data-testid': `commend-row-${r.personId}` } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t('people.col.name'), dataIndex: 'name', width: 110 },
            { title: t('activity.community'), key: 'community', ellipsis: true, render: (_: unknown, r) => r.community.name },
            { title: t('commend.level'), dataIndex: 'level', width: 150, render: (_: unknown, r) => <Stars level={r.level} /> },
            { title: t('points.points'), dataIndex: 'points', width: 80, align: 'right' },
            { title: t('commend.awardedAt'), dataIndex: 'awardedAt', width: 150, render: fmtTime },
          ]}
        />
      )}
    </>
  );
}
