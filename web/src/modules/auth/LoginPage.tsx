import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useProblemText } from '../../app/feedback';
import { useI18n } from '../../app/i18n';
import { LangSwitch } from '../../app/ui/LangSwitch';
import { Loading } from '../../app/ui/States';

interface LoginForm {
  username: string;
  password: string;
  totp?: string;
}

export default function LoginPage() {
  const { t, lang } = useI18n();
  const { status, session, refresh, expired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const problemText = useProblemText();
  const [form] = Form.useForm<LoginForm>();
  const [needTotp, setNeedTotp] = useState(false);
  const [errorText, setErrorText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (status === 'loading') return <Loading />;
  if (session) return <Navigate to={session.home || '/'} replace />;

  const from = (location.state as { from?: string } | null)?.from;

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setErrorText(null);
    try {
      await api('/api/auth/login', {
        method: 'POST',
        body: { username: values.username.trim(), password: values.password, ...(needTotp ? { totp: values.totp } : {}) },
        allow401: true,
      });
      const s = await refresh();
      navigate(from && from !== '/login' ? from : s?.home || '/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'auth.totpRequired' && !needTotp) {
        setNeedTotp(true);
      } else if (err instanceof ApiError && err.status === 423) {
        const until = err.problem.lockedUntil;
        setErrorText(
          typeof until === 'string'
            ? t('auth.locked', { time: new Date(until).toLocaleString(lang) })
            : problemText(err) || t('auth.lockedNoTime'),
        );
      } else if (err instanceof ApiError && err.code === 'auth.invalidCredentials') {
        setErrorText(err.problem.detail || t('auth.invalidCredentials'));
      } else {
        setErrorText(problemText(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center',
        padding: 16, background: 'linear-gradient(180deg, #b7181f 0, #b7181f 38vh, #f3f4f6 38vh)', boxSizing: 'border-box',
      }}
    >
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LangSwitch compact />
      </div>
      <div style={{ color: '#fff', textAlign: 'center', marginBottom: 20 }}>
        <img src="/favicon.svg" alt="" width={56} height={56} style={{ borderRadius: 12, border: '2px solid #fff' }} />
        <h1 style={{ margin: '8px 0 4px', fontSize: 26 }}>{t('app.name')}</h1>
        <div style={{ opacity: 0.9 }}>{t('auth.loginSubtitle')}</div>
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }} title={t('auth.loginTitle')}>
        {expired && !errorText && <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />}
        {errorText && (
          <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />
        )}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {needTotp && (
            <>
              <Alert type="info" showIcon title={t('auth.totpHint')} style={{ marginBottom: 16 }} />
              <Form.Item
                name="totp"
                label={t('auth.totp')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totpRequired') }]}
              >
                <Input
                  prefix={<SafetyOutlined />}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  data-testid="login-totp"
                  autoFocus
                />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
