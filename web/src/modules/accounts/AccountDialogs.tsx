import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ROLES, type Account, type Role } from '../../app/types';
import { useFormSubmit } from '../../app/ui/useFormSubmit';
import { TerritorySelect } from '../territory/TerritorySelect';

export function CreateAccountModal({ open, onClose, onCreated }: {
  open: boolean;
  onClose: () => void;
  onCreated: (name: string, initialPassword: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ username: string; displayName: string; personId?: string }>();

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const res = await api<{ account: Account; initialPassword: string }>('/api/accounts', {
      method: 'POST',
      body: { username: v.username.trim(), displayName: v.displayName.trim(), ...(v.personId?.trim() ? { personId: v.personId.trim() } : {}) },
    });
    form.resetFields();
    onCreated(res.account?.displayName ?? v.displayName.trim(), res.initialPassword);
  }, { success: false });

  return (
    <Modal open={open} title={t('accounts.create')} onCancel={onClose} onOk={submit} confirmLoading={busy}
      okText={t('common.save')} okButtonProps={{ 'data-testid': 'account-form-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="username" label={t('accounts.username')} rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="off" data-testid="account-form-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('accounts.displayName')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="account-form-name" />
        </Form.Item>
        <Form.Item name="personId" label={t('accounts.personId')}>
          <Input className="gz-mono" data-testid="account-form-person" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The three administrators are appointed on the server (npm run admin:appoint); the console never grants them. */
const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];
const GRANTABLE_ROLES = ROLES.filter((r) => !ADMIN_ROLES.includes(r));

export function GrantModal({ account, onClose, onDone }: { account: Account | null; onClose: () => void; onDone: () => void }) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<{ role: string; territoryId: string }>();

  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api('/api/grants', { method: 'POST', body: { accountId: account!.id, ...v } });
    form.resetFields();
    onDone();
  });

  return (
    <Modal open={account !== null} title={`${t('accounts.addGrant')} · ${account?.displayName ?? ''}`} onCancel={onClose} onOk={submit}
      confirmLoading={busy} okText={t('common.save')} okButtonProps={{ 'data-testid': 'grant-form-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true }]}>
          <Select data-testid="grant-form-role" options={GRANTABLE_ROLES.map((r) => ({ value: r, label: tx('role', r) }))} />
        </Form.Item>
        <Form.Item name="territoryId" label={t('accounts.territory')} rules={[{ required: true }]}>
          <TerritorySelect testId="grant-form-territory" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The only time an initial password is visible; closing it loses it for good. */
export function PasswordModal({ shown, onClose }: { shown: { name: string; value: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={shown !== null} title={`${t('accounts.initialPassword')} · ${shown?.name ?? ''}`} onCancel={onClose} onOk={onClose}
      okText={t('common.close')} cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }}>
      <Alert type="warning" showIcon title={t('accounts.initialPasswordNotice')} style={{ marginBottom: 16 }} />
      <Typography.Text copyable strong className="gz-mono" style={{ fontSize: 20 }} data-testid="initial-password">
        {shown?.value}
      </Typography.Text>
    </Modal>
  );
}
