import { Button, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import type { ImportResult } from '../shared/types';

/** The orders that were not taken, row by row, and the same list as a file to fix and send again. */
export function ImportRowErrors({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  return (
    <div data-testid="import-errors" style={{ marginTop: 16 }}>
      {result.reportId && (
        <Button icon={<DownloadOutlined />} href={`/api/imports/${encodeURIComponent(result.reportId)}/report.xlsx`} download data-testid="import-report" style={{ marginBottom: 12 }}>
          {t('import.report')}
        </Button>
      )}
      <Table
        size="small"
        rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
        dataSource={result.errors}
        pagination={result.errors.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 420 }}
        columns={[
          { title: t('import.col.row'), dataIndex: 'row', width: 70 },
          { title: t('import.col.column'), dataIndex: 'column', width: 130 },
          { title: t('import.col.message'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
