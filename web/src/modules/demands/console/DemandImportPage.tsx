import { useState } from 'react';
import { Alert, Button, Card, Form, Select, Space, Steps, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { ImportRowErrors } from './ImportRowErrors';
import { IMPORT_FIELDS, type ImportField, type ImportPreview, type ImportResult } from '../shared/types';

const REQUIRED: ImportField[] = ['externalNo', 'description'];

/** 导入12345工单: upload a file, check which column holds what, import, read what was taken and what was not. */
export default function DemandImportPage() {
  const { t } = useI18n();
  const notify = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Record<ImportField, string | undefined>>();

  const upload = async (f: File) => {
    setBusy(true);
    setResult(null);
    const body = new FormData();
    body.append('file', f);
    try {
      const p = await api<ImportPreview>('/api/demands/import/preview', { method: 'POST', body });
      setFile(f);
      setPreview(p);
      form.setFieldsValue(Object.fromEntries(IMPORT_FIELDS.map((k) => [k, p.mapping[k] ?? undefined])));
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  };

  const runImport = async () => {
    const mapping = await form.validateFields().catch(() => null);
    if (!mapping) return;
    const body = new FormData();
    body.append('mapping', JSON.stringify(Object.fromEntries(Object.entries(mapping).filter(([, v]) => v))));
    body.append('file', file!);
    setBusy(true);
    try {
      setResult(await api<ImportResult>('/api/demands/import', { method: 'POST', body }));
    } catch (err) {
      // No row could be taken: the same report as a partial import, so the file can be fixed.
      const rows = err instanceof ApiError && err.status === 422 ? err.fieldErrors.filter((e) => e.row !== undefined) : [];
      if (rows.length) {
        const reportId = (err as ApiError).problem.reportId as string | undefined;
        setResult({ created: 0, skipped: 0, errors: rows.map((e) => ({ row: e.row!, column: e.column ?? e.field ?? '', message: e.message })), reportId });
      } else {
        notify.error(err, form);
      }
    } finally {
      setBusy(false);
    }
  };

  const step = result ? 2 : preview ? 1 : 0;
  const headerOptions = (preview?.headers ?? []).map((h) => ({ value: h, label: h }));

  return (
    <div>
      <h1 className="gz-page-title">{t('dc.importTitle')}</h1>
      <Card>
        <Steps size="small" current={step} status={result ? 'finish' : 'process'} style={{ marginBottom: 16 }} items={[{ title: t('dc.importStep.upload') }, { title: t('dc.importStep.map') }, { title: t('dc.importStep.result') }]} />
        <Space wrap style={{ marginBottom: 16 }}>
          <Upload accept=".xlsx,.csv" showUploadList={false} maxCount={1} beforeUpload={(f) => { void upload(f); return false; }}>
            <Button type={preview ? 'default' : 'primary'} icon={<UploadOutlined />} loading={busy && !preview} data-testid="demand-import-upload">
              {preview ? t('dc.importOther') : t('dc.importUpload')}
            </Button>
          </Upload>
          {file && <span style={{ color: '#666' }}>{file.name}</span>}
        </Space>
        {!preview && <div style={{ color: '#888' }}>{t('dc.importHint')}</div>}
        {preview && !result && (
          <>
            <h3>{t('dc.importPreview')}</h3>
            <Table<{ key: number; cells: string[] }>
              data-testid="demand-import-preview"
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: Math.max(600, preview.headers.length * 140) }}
              dataSource={preview.rows.map((cells, key) => ({ key, cells }))}
              columns={preview.headers.map((h, i) => ({ title: h, key: h, width: 140, ellipsis: true, render: (_: unknown, r) => r.cells[i] }))}
            />
            <h3 style={{ marginTop: 16 }}>{t('dc.importMapping')}</h3>
            <Form form={form} layout="vertical" requiredMark data-testid="demand-import-mapping"
              style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', columnGap: 16 }}>
              {IMPORT_FIELDS.map((k) => (
                <Form.Item key={k} name={k} label={t(`dc.field.${k}`)} rules={[{ required: REQUIRED.includes(k), message: t('dc.mapRequired') }]}>
                  <Select allowClear options={headerOptions} placeholder={t('dc.notMapped')} data-testid={`demand-map-${k}`} />
                </Form.Item>
              ))}
            </Form>
            <Button type="primary" onClick={runImport} loading={busy} data-testid="demand-import-run">{t('dc.importRun')}</Button>
          </>
        )}
        {result && (
          <>
            <Alert type={result.errors.length ? 'warning' : 'success'} showIcon data-testid="demand-import-result"
              title={t('dc.importDone', { created: result.created, skipped: result.skipped, bad: result.errors.length })} />
            {result.errors.length > 0 && <ImportRowErrors result={result} />}
          </>
        )}
      </Card>
    </div>
  );
}
