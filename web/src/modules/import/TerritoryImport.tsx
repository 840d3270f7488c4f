import { useState } from 'react';
import { Alert, Button, Input, Space, Upload } from 'antd';
import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { api, ApiError, type FieldError } from '../../app/api';
import { useNotify } from '../../app/feedback';
import { useI18n } from '../../app/i18n';
import { ImportErrors } from './ImportErrors';

export function TerritoryImport() {
  const { t } = useI18n();
  const notify = useNotify();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ created: number; updated: number } | null>(null);
  const [errors, setErrors] = useState<FieldError[] | null>(null);

  const submit = async () => {
    setBusy(true);
    setResult(null);
    setErrors(null);
    try {
      setResult(await api('/api/territories/import', { method: 'POST', body: text, contentType: 'text/csv' }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.fieldErrors.length) setErrors(err.fieldErrors);
      else notify.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ color: '#888' }}>{t('import.territoryHint')}</div>
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={async (file) => {
          setText(await file.text());
          return false;
        }}
      >
        <Button icon={<FileTextOutlined />} data-testid="territory-import-file">{t('import.territoryFile')}</Button>
      </Upload>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={8}
        className="gz-mono"
        placeholder="code,name,level,parent_code"
        aria-label={t('import.territoryText')}
        data-testid="territory-import-text"
      />
      <Button type="primary" icon={<UploadOutlined />} disabled={!text.trim()} loading={busy} onClick={submit} data-testid="territory-import-submit">
        {t('import.territorySubmit')}
      </Button>
      {result && (
        <Alert type="success" showIcon data-testid="territory-import-success" title={t('import.territorySuccess', result)} />
      )}
      {errors && <ImportErrors errors={errors} />}
    </Space>
  );
}
