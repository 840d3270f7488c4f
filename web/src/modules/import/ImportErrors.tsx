import { Alert, Button, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { FieldError } from '../../app/api';
import { useI18n } from '../../app/i18n';

/** The rows the server refused, so the user can fix the file without guessing. */
export function ImportErrors({ errors, reportId }: { errors: FieldError[]; reportId?: string }) {
  const { t } = useI18n();
  return (
    <div data-testid="import-errors" style={{ marginTop: 16 }}>
      <Alert
        type="error"
        showIcon
        title={t('import.failed', { count: errors.length })}
        action={
          reportId && (
            <Button icon={<DownloadOutlined />} href={`/api/imports/${encodeURIComponent(reportId)}/report.xlsx`} download data-testid="import-report">
              {t('import.report')}
            </Button>
          )
        }
        style={{ marginBottom: 12, flexWrap: 'wrap', rowGap: 8 }}
      />
      <Table<FieldError & { key: number }>
        size="small"
        rowKey="key"
        dataSource={errors.map((e, key) => ({ ...e, key }))}
        pagination={errors.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 420 }}
        columns={[
          { title: t('import.col.row'), dataIndex: 'row', width: 70 },
          { title: t('import.col.column'), dataIndex: 'column', width: 130, render: (c: string | undefined, e) => c ?? e.field },
          { title: t('import.col.message'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
