import { useState } from 'react';
import { Button, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import type { Items } from '../../../app/types';
import type { Service } from '../shared/types';
import { ServiceForm } from './ServiceForm';

/** The community's service catalogue (服务社区目录); staff add, edit and retire entries. */
export function ServicesTable() {
  const { t } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const canWrite = can('service.write');
  const [retired, setRetired] = useState(false);
  const { data, error, loading, reload } = useFetch<Items<Service>>('/api/services', { includeRetired: retired ? 'true' : undefined });
  const [editing, setEditing] = useState<Service | null | undefined>(undefined);

  const setRetiredState = async (s: Service, value: boolean) => {
    try {
      await api(`/api/services/${s.id}`, { method: 'PATCH', body: { retired: value } });
      notify.success();
      reload();
    } catch (err) {
      notify.error(err);
    }
  };

  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <div className="gz-toolbar">
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="service-create">{t('service.create')}</Button>
        )}
        <span><Switch size="small" checked={retired} onChange={setRetired} data-testid="services-include-retired" /> {t('service.showRetired')}</span>
      </div>
      <Table<Service>
        data-testid="services-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('m.service.none') }}
        pagination={(data?.items.length ?? 0) > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 760 }}
        onRow={(s) => ({ 'data-testid': `service-row-${s.id}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('service.title'), dataIndex: 'title', render: (v: string, s) => <>{v} {s.retired && <Tag>{t('service.retired')}</Tag>}</> },
          { title: t('service.category'), dataIndex: 'category', width: 110, render: (c: string) => <Tag color="purple">{c}</Tag> },
          { title: t('activity.place'), dataIndex: 'place', width: 180, ellipsis: true },
          { title: t('activity.community'), dataIndex: 'territoryName', width: 180, ellipsis: true },
          ...(canWrite
            ? [{
                title: t('common.actions'),
                key: 'actions',
                width: 150,
                render: (_: unknown, s: Service) => (
                  <>
                    <Button size="small" type="link" onClick={() => setEditing(s)} data-testid={`service-edit-${s.id}`}>{t('common.edit')}</Button>
                    <Button size="small" type="link" danger={!s.retired} onClick={() => setRetiredState(s, !s.retired)} data-testid={`service-retire-${s.id}`}>
                      {s.retired ? t('service.restore') : t('service.retire')}
                    </Button>
                  </>
                ),
              }]
            : []),
        ]}
      />
      <ServiceForm open={editing !== undefined} service={editing ?? null} onClose={() => setEditing(undefined)} onSaved={() => { setEditing(undefined); reload(); }} />
    </>
  );
}
