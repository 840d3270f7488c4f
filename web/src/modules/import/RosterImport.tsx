import { useState } from 'react';
import { Alert, Button, Radio, Space, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, ApiError, type FieldError } from '../../app/api';
import { useNotify } from '../../app/feedback';
import { useI18n } from '../../app/i18n';
import { ImportErrors } from './ImportErrors';

type Kind = 'people' | 'party_members';

type Outcome =
  | { ok: true; imported: number; updated: number }
  | { ok: false; errors: FieldError[]; reportId?: string };

export function RosterImport() {
  const { t } = useI18n();
  const notify = useNotify();
  const [kind, setKind] = useState<Kind>('people');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    const body = new FormData();
    body.append('file', file);
    try {
      const res = await api<{ imported: number; updated: number }>(`/api/people/import?kind=${kind}`, { method: 'POST', body });
      setOutcome({ ok: true, ...res });
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.fieldErrors.length) {
        setOutcome({ ok: false, errors: err.fieldErrors, reportId: err.problem.reportId as string | undefined });
      } else {
        notify.error(err);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div>
          <div style={{ marginBottom: 8 }}>{t('import.kind')}</div>
          <Radio.Group
            value={kind}
            onChange={(e) => { setKind(e.target.value); setOutcome(null); }}
            optionType="button"
            data-testid="import-kind"
            options={[
              { value: 'people', label: t('import.kind.people') },
              { value: 'party_members', label: t('import.kind.party_members') },
            ]}
          />
        </div>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={`/api/people/import-template.xlsx?kind=${kind}`} download data-testid="import-template">
            {t('import.template')}
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="import-upload">
              {t('import.upload')}
            </Button>
          </Upload>
        </Space>
        <div style={{ color: '#888' }}>{t('import.uploadHint')}</div>
      </Space>
      {outcome?.ok && (
        <Alert type="success" showIcon style={{ marginTop: 16 }} data-testid="import-success"
          title={t('import.success', { imported: outcome.imported, updated: outcome.updated })} />
      )}
      {outcome && !outcome.ok && <ImportErrors errors={outcome.errors} reportId={outcome.reportId} />}
    </div>
  );
}
