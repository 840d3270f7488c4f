import { Button, Card, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { LangSwitch } from '../../app/ui/LangSwitch';
import { PasswordChangeForm } from './PasswordChangeForm';

/** Shown instead of every page while the account still has an initial or reset password. */
export default function ForcedPasswordChange() {
  const { t } = useI18n();
  const { refresh, logout, session } = useAuth();
  const navigate = useNavigate();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: '48px 16px', boxSizing: 'border-box' }}>
      <Card
        style={{ width: '100%', maxWidth: 480 }}
        data-testid="must-change-password"
        title={t('auth.mustChange.title')}
        extra={
          <div style={{ display: 'flex', gap: 8 }}>
            <LangSwitch compact />
            <Button
              icon={<LogoutOutlined />}
              aria-label={t('auth.logout')}
              data-testid="logout"
              onClick={async () => {
                await logout();
                navigate('/login', { replace: true });
              }}
            />
          </div>
        }
      >
        <Typography.Paragraph>{session?.account.displayName}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('auth.mustChange.intro')}</Typography.Paragraph>
        <PasswordChangeForm
          onDone={async () => {
            const s = await refresh();
            if (s) navigate(s.home || '/', { replace: true });
          }}
        />
      </Card>
    </div>
  );
}
