import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { api } from '../../app/api';
import { useAuth, useSession } from '../../app/auth';
import { useNotify } from '../../app/feedback';
import { useI18n } from '../../app/i18n';
import { PasswordChangeForm } from './PasswordChangeForm';

interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

function TotpCard() {
  const { t } = useI18n();
  const session = useSession();
  const { refresh } = useAuth();
  const notify = useNotify();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const { totpEnabled, totpRequired } = session.account;

  const start = async () => {
    setBusy(true);
    try {
      setSetup(await api<TotpSetup>('/api/auth/totp/setup', { method: 'POST' }));
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  };

  const enable = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      await api('/api/auth/totp/enable', { method: 'POST', body: { code } });
      notify.success(t('security.totpEnabled'));
      setSetup(null);
      await refresh();
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('security.totp')} style={{ marginBottom: 16 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>
          <Tag color={totpEnabled ? 'green' : 'default'} data-testid="totp-status">
            {totpEnabled ? t('security.totpOn') : t('security.totpOff')}
          </Tag>
        </div>
        {totpRequired && !totpEnabled && <Alert type="warning" showIcon title={t('security.totpRequiredNote')} />}
        {!setup && (
          <Button onClick={start} loading={busy} data-testid="totp-setup">
            {t('security.totpSetup')}
          </Button>
        )}
        {setup && (
          <>
            <Typography.Paragraph>{t('security.totpSteps')}</Typography.Paragraph>
            <Descriptions column={1} bordered size="small" layout="vertical">
              <Descriptions.Item label={t('security.secret')}>
                <Typography.Text copyable className="gz-mono" data-testid="totp-secret">{setup.secret}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('security.otpauthUrl')}>
                <Typography.Text copyable className="gz-mono" data-testid="totp-url">{setup.otpauthUrl}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Form form={form} layout="inline" onFinish={enable} style={{ rowGap: 8 }}>
              <Form.Item name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totpRequired') }]}>
                <Input placeholder={t('security.totpCode')} aria-label={t('security.totpCode')} inputMode="numeric" maxLength={6} data-testid="totp-code" style={{ width: 160 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-enable">
                {t('security.totpEnable')}
              </Button>
            </Form>
          </>
        )}
      </Space>
    </Card>
  );
}

export default function SecurityPage() {
  const { t, tx } = useI18n();
  const session = useSession();
  return (
    <div style={{ maxWidth: 760 }}>
      <h1 className="gz-page-title">{t('security.title')}</h1>
      <Card title={t('security.account')} style={{ marginBottom: 16 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('accounts.username')}>{session.account.username}</Descriptions.Item>
          <Descriptions.Item label={t('accounts.displayName')}>{session.account.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('security.roles')}>
            <Space wrap>
              {session.grants.map((g) => (
                <Tag key={g.id} color="red">{`${tx('role', g.role)} · ${g.territoryName}`}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <TotpCard />
      <Card title={t('auth.changePassword')}>
        <PasswordChangeForm onDone={() => undefined} />
      </Card>
    </div>
  );
}
