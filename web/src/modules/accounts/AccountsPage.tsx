import { useState } from 'react';
import { App, Button, Card, Input, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../app/api';
import { useNotify } from '../../app/feedback';
import { useI18n } from '../../app/i18n';
import { useFetch } from '../../app/useFetch';
import { ErrorState } from '../../app/ui/States';
import type { Account, Grant, Items } from '../../app/types';
import { CreateAccountModal, GrantModal, PasswordModal } from './AccountDialogs';

/** An account as the console lists it; an administrator's is shown but left alone (三员分立). */
type ManagedAccount = Account & { administrator: boolean };

export default function AccountsPage() {
  const { t, tx } = useI18n();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [q, setQ] = useState('');
  const { data, error, loading, reload } = useFetch<Items<ManagedAccount>>('/api/accounts', { q });
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<Account | null>(null);
  const [password, setPassword] = useState<{ name: string; value: string } | null>(null);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      notify.success();
      reload();
    } catch (err) {
      notify.error(err);
    }
  };

  const confirm = (title: string, content: string, onOk: () => Promise<unknown>, testId: string) =>
    modal.confirm({ title, content, okButtonProps: { 'data-testid': testId }, onOk });

  const resetPassword = (a: Account) =>
    confirm(t('accounts.resetPassword'), t('accounts.resetConfirm', { name: a.displayName }), async () => {
      try {
        const res = await api<{ initialPassword: string }>(`/api/accounts/${a.id}/reset-password`, { method: 'POST' });
        setPassword({ name: a.displayName, value: res.initialPassword });
        reload();
      } catch (err) {
        notify.error(err);
      }
    }, 'account-reset-confirm');

  const revoke = (g: Grant) =>
    confirm(t('accounts.revoke'), t('accounts.revokeConfirm'), () => act(() => api(`/api/grants/${g.id}`, { method: 'DELETE' })), 'grant-revoke-confirm');

  const status = (a: Account) => {
    const locked = a.lockedUntil && new Date(a.lockedUntil) > new Date();
    return (
      <Space size={4} wrap>
        {a.disabled ? <Tag>{t('accounts.status.disabled')}</Tag> : <Tag color="green">{t('accounts.status.active')}</Tag>}
        {locked && <Tag color="orange">{t('accounts.status.locked')}</Tag>}
        {a.mustChangePassword && <Tag color="blue">{t('accounts.status.mustChange')}</Tag>}
        {a.totpEnabled && <Tag color="purple">{t('accounts.status.totp')}</Tag>}
      </Space>
    );
  };

  const columns: ColumnsType<ManagedAccount> = [
    { title: t('accounts.username'), dataIndex: 'username', width: 150, fixed: 'left', render: (u: string) => <span className="gz-mono">{u}</span> },
    { title: t('accounts.displayName'), dataIndex: 'displayName', width: 110 },
    { title: t('accounts.status'), key: 'status', width: 170, render: (_, a) => status(a) },
    {
      title: t('accounts.grants'),
      key: 'grants',
      width: 300,
      render: (_, a) => (
        <Space size={4} wrap>
          {a.grants.map((g) => (
            <Tag
              key={g.id}
              color="red"
              closable={!a.administrator}
              onClose={(e) => {
                e.preventDefault();
                revoke(g);
              }}
              closeIcon={<span aria-label={t('accounts.revoke')} data-testid={`grant-revoke-${g.id}`}>×</span>}
            >
              {tx('role', g.role)} · {g.territoryName}
            </Tag>
          ))}
          {!a.administrator && (
            <Button size="small" type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => setGranting(a)} data-testid={`grant-add-${a.username}`}>
              {t('accounts.addGrant')}
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: t('accounts.totpRequired'),
      key: 'totp',
      width: 110,
      render: (_, a) => (
        <Switch
          checked={a.totpRequired}
          disabled={a.administrator}
          aria-label={`${t('accounts.totpRequired')} ${a.username}`}
          data-testid={`account-totp-${a.username}`}
          onChange={(v) => act(() => api(`/api/accounts/${a.id}`, { method: 'PATCH', body: { totpRequired: v } }))}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, a) => {
        if (a.administrator) {
          return <Tag color="gold" style={{ whiteSpace: 'normal' }} data-testid={`account-protected-${a.username}`}>{t('accounts.adminProtected')}</Tag>;
        }
        const locked = a.lockedUntil && new Date(a.lockedUntil) > new Date();
        return (
          <Space size={4} wrap>
            <Button size="small" onClick={() => resetPassword(a)} data-testid={`account-reset-${a.username}`}>
              {t('accounts.resetPassword')}
            </Button>
            {locked && (
              <Button size="small" onClick={() => act(() => api(`/api/accounts/${a.id}/unlock`, { method: 'POST' }))} data-testid={`account-unlock-${a.username}`}>
                {t('accounts.unlock')}
              </Button>
            )}
            {a.disabled ? (
              <Button size="small" onClick={() => act(() => api(`/api/accounts/${a.id}`, { method: 'PATCH', body: { disabled: false } }))} data-testid={`account-enable-${a.username}`}>
                {t('accounts.enable')}
              </Button>
            ) : (
                <Button
                  size="small"
                  danger
                  data-testid={`account-disable-${a.username}`}
                  onClick={() =>
                    confirm(t('accounts.disable'), t('accounts.disableConfirm', { name: a.displayName }),
                      () => act(() => api(`/api/accounts/${a.id}`, { method: 'PATCH', body: { disabled: true } })), 'account-disable-confirm')
                  }
                >
                  {t('accounts.disable')}
                </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <div>
      <h1 className="gz-page-title">{t('accounts.title')}</h1>
      <Card>
        <div className="gz-toolbar">
          <Input.Search
            placeholder={t('accounts.search')}
            aria-label={t('accounts.search')}
            allowClear
            enterButton
            onSearch={(v) => setQ(v.trim())}
            data-testid="accounts-search"
            style={{ width: 260 }}
          />
          <div style={{ flex: 1 }} />
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="account-create">
            {t('accounts.create')}
          </Button>
        </div>
        {error ? (
          <ErrorState error={error} onRetry={reload} />
        ) : (
          <Table<ManagedAccount>
            data-testid="accounts-table"
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 1090 }}
            pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </Card>
      <CreateAccountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(name, value) => {
          setCreating(false);
          setPassword({ name, value });
          reload();
        }}
      />
      <GrantModal account={granting} onClose={() => setGranting(null)} onDone={() => { setGranting(null); reload(); }} />
      <PasswordModal shown={password} onClose={() => setPassword(null)} />
    </div>
  );
}
