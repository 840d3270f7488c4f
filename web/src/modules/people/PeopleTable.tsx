import { useEffect, useState } from 'react';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../app/i18n';
import { useFetch } from '../../app/useFetch';
import { ErrorState } from '../../app/ui/States';
import type { Page, PersonRow } from '../../app/types';

export interface PeopleFilter {
  territoryId?: string;
  q?: string;
  partyMember?: boolean;
}

/** A server-paged table of people; phone and ID number arrive masked from the server. */
export function PeopleTable({ filter, onOpen }: { filter: PeopleFilter; onOpen: (id: string) => void }) {
  const { t, tx } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const filterKey = JSON.stringify(filter);
  useEffect(() => setPage(1), [filterKey]);
  const { data, error, loading, reload } = useFetch<Page<PersonRow>>('/api/people', {
    territoryId: filter.territoryId,
    q: filter.q,
    partyMember: filter.partyMember ? 'true' : undefined,
    page,
    pageSize,
  });

  const columns: ColumnsType<PersonRow> = [
    { title: t('people.col.name'), dataIndex: 'name', fixed: 'left', width: 100 },
    { title: t('people.col.gender'), dataIndex: 'gender', width: 64, render: (g: string) => tx('gender', g) },
    { title: t('people.col.birthDate'), dataIndex: 'birthDate', width: 112 },
    { title: t('people.col.phone'), dataIndex: 'phone', width: 130, render: (v) => <span className="gz-mono">{v}</span> },
    { title: t('people.col.idNumber'), dataIndex: 'idNumber', width: 190, render: (v) => <span className="gz-mono">{v}</span> },
    { title: t('people.col.territory'), dataIndex: 'territoryName', width: 180, ellipsis: true },
    { title: t('people.col.room'), dataIndex: 'room', width: 80 },
    {
      title: t('people.col.party'),
      dataIndex: 'isPartyMember',
      width: 72,
      render: (v: boolean) => (v ? <Tag color="red">{t('role.party_member')}</Tag> : null),
    },
  ];

  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Table<PersonRow>
      data-testid="people-table"
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: 930 }}
      rowClassName={() => 'gz-clickable-row'}
      onRow={(r) => ({ onClick: () => onOpen(r.id), 'data-testid': `person-row-${r.id}` } as React.HTMLAttributes<HTMLElement>)}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
        onChange: (p, s) => {
          setPage(s !== pageSize ? 1 : p);
          setPageSize(s);
        },
      }}
    />
  );
}
