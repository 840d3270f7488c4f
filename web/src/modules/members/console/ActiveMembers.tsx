import { useState } from 'react';
import { DatePicker, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import { currentPeriod } from '../shared/periods';
import type { ActiveMember } from '../shared/types';

/** Who served this month: members with a check-in at an activity in the caller's area, most hours first. */
export function ActiveMembers() {
  const { t } = useI18n();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(currentPeriod('month') + '-01'));
  const { data, error, loading, reload } = useFetch<{ month: string; items: ActiveMember[] }>('/api/activities/active', { month: month.format('YYYY-MM') });
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <div className="gz-toolbar">
        <DatePicker picker="month" value={month} allowClear={false} onChange={(v) => v && setMonth(v)} data-testid="active-month" aria-label={t('active.month')} />
        <span style={{ color: '#888' }}>{t('active.count', { count: data?.items.length ?? 0 })}</span>
      </div>
      <Table<ActiveMember>
        data-testid="active-table"
        rowKey="personId"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('active.none') }}
        pagination={(data?.items.length ?? 0) > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 520 }}
        onRow={(r) => ({ 'data-testid': `active-row-${r.personId}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('people.col.name'), dataIndex: 'name', width: 120 },
          { title: t('activity.community'), dataIndex: 'communityName', ellipsis: true },
          { title: t('active.checkIns'), dataIndex: 'checkIns', width: 100, align: 'right' },
          { title: t('active.hours'), dataIndex: 'hours', width: 100, align: 'right' },
        ]}
      />
    </>
  );
}
