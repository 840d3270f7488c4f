import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { api } from '../../app/api';
import { useNotify } from '../../app/feedback';
import { useI18n } from '../../app/i18n';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Mirrors the server's policy so most mistakes are caught before the round trip. */
export function meetsPolicy(pw: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  return pw.length >= 8 && classes >= 3;
}

export function PasswordChangeForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await api('/api/auth/password', { method: 'POST', body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      notify.success(t('auth.passwordChanged'));
      form.resetFields();
      onDone();
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 420 }}>
      <Alert type="info" showIcon title={t('auth.passwordPolicy')} style={{ marginBottom: 16 }} data-testid="password-policy" />
      <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        rules={[
          { required: true, message: t('auth.passwordRequired') },
          { validator: (_, v: string) => (!v || meetsPolicy(v) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordPolicyFail')))) },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('auth.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_, v: string) =>
              !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
        {t('auth.changePassword')}
      </Button>
    </Form>
  );
}
