import { useState } from 'react';
import { App, Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import type { Items } from '../../../app/types';
import type { DemandCategory } from '../shared/types';
import { CategoryDialog } from './CategoryDialog';

const isRetired = (c: DemandCategory) => c.retired ?? !!c.retiredAt;

/** The district's categories: who handles each by default, in how many working days, when to remind. */
export function CategoriesPanel() {
  const { t, tx } = useI18n();
  const notify = useNotify();
  const { modal } = App.useApp();
  const { data, error, loading, reload } = useFetch<Items<DemandCategory>>('/api/demand-categories', { all: true });
  const [editing, setEditing] = useState<DemandCategory | null>(null);
  const [open, setOpen] = useState(false);

  const retire = (c: DemandCategory) =>
    modal.confirm({
      title: t('dc.categoryRetire'),
      content: t('dc.categoryRetireConfirm', { name: c.name }),
      okButtonProps: { danger: true, 'data-testid': 'category-retire-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api(`/api/demand-categories/${c.id}`, { method: 'PATCH', body: { retired: true } });
          notify.success();
        } catch (err) {
          notify.error(err);
        }
        reload();
      },
    });

  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <div className="gz-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { setEditing(null); setOpen(true); }} data-testid="category-create">{t('dc.categoryCreate')}</Button>
      </div>
      <Table<DemandCategory>
        data-testid="categories-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 820 }}
        rowClassName={(c) => (isRetired(c) ? 'gz-muted-row' : '')}
        onRow={(c) => ({ 'data-testid': `category-row-${c.id}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('common.name'), dataIndex: 'name', width: 200, render: (v: string, c) => <>{v} {isRetired(c) && <Tag>{t('dc.retired')}</Tag>}<div className="gz-mono" style={{ fontSize: 12, color: '#888' }}>{c.code}</div></> },
          { title: t('dc.categoryGroup'), dataIndex: 'groupName', width: 120 },
          { title: t('dc.defaultHandler'), dataIndex: 'defaultHandler', width: 120, render: (v: string) => tx('body', v) },
          { title: t('dc.deadlineDays'), dataIndex: 'deadlineDays', width: 110, align: 'right' },
          { title: t('dc.remindDays'), dataIndex: 'remindDays', width: 110, align: 'right' },
          {
            title: t('common.actions'), key: 'actions', width: 150, fixed: 'right',
            render: (_: unknown, c) => !isRetired(c) && (
              <Space size={4}>
                <Button size="small" onClick={() => { setEditing(c); setOpen(true); }} data-testid={`category-edit-${c.id}`}>{t('common.edit')}</Button>
                <Button size="small" danger onClick={() => retire(c)} data-testid={`category-retire-${c.id}`}>{t('dc.categoryRetire')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <CategoryDialog key={editing?.id ?? 'new'} category={editing} open={open} onClose={() => setOpen(false)} onDone={() => { setOpen(false); reload(); }} />
    </>
  );
}
