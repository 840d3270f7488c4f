import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Table, Tag, Typography } from 'antd';
import { api } from '../../app/api';
import { useNotify } from '../../app/feedback';
import { useI18n } from '../../app/i18n';
import type { Items } from '../../app/types';
import { ErrorState } from '../../app/ui/States';
import { useFetch } from '../../app/useFetch';
import { useIsMobile } from '../../app/useIsMobile';
import { useFormSubmit } from '../../app/ui/useFormSubmit';
import { useGrantNodes } from '../members/shared/grantNodes';
import { TerritorySelect } from '../territory/TerritorySelect';

interface Open311Key {
  id: string;
  name: string;
  keyHint: string;
  territory: { id: string; name: string; code: string | null };
  createdAt: string;
  revokedAt: string | null;
  /** Only in the answer to issuing. */
  key?: string;
}

const BASE = '/open311/v2/';

/** The system administrator issues Open311 keys tied to nodes, sees each key once, and revokes them. */
export default function KeysPage() {
  const { t, lang } = useI18n();
  const { modal } = App.useApp();
  const notify = useNotify();
  const mobile = useIsMobile();
  const { data, error, loading, reload } = useFetch<Items<Open311Key>>('/api/open311-keys');
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<Open311Key | null>(null);

  const time = (s: string) => new Date(s).toLocaleString(lang);
  const state = (k: Open311Key) => k.revokedAt
    ? <Tag data-testid={`open311-key-state-${k.id}`}>{t('open311.revokedAt', { time: time(k.revokedAt) })}</Tag>
    : <Tag color="green" data-testid={`open311-key-state-${k.id}`}>{t('open311.active')}</Tag>;
  const node = (k: Open311Key) => <>{k.territory.name}{k.territory.code && <span className="gz-mono" style={{ color: '#888', whiteSpace: 'nowrap' }}> · {k.territory.code}</span>}</>;

  const revoke = (k: Open311Key) =>
    modal.confirm({
      title: t('open311.revoke'),
      content: t('open311.revokeConfirm', { name: k.name }),
      okText: t('open311.revoke'),
      okButtonProps: { danger: true, 'data-testid': 'open311-revoke-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api(`/api/open311-keys/${k.id}/revoke`, { method: 'POST' });
          notify.success(t('open311.revoked', { name: k.name }));
        } catch (err) {
          notify.error(err);
        }
        reload();
      },
    });
  const revokeButton = (k: Open311Key) => !k.revokedAt && (
    <Button danger size="small" onClick={() => revoke(k)} data-testid={`open311-revoke-${k.id}`}>{t('open311.revoke')}</Button>
  );

  const items = data?.items ?? [];
  return (
    <div style={{ maxWidth: 1040 }}>
      <h1 className="gz-page-title">{t('open311.title')}</h1>
      <Card>
        <Typography.Paragraph type="secondary" data-testid="open311-intro">
          {t('open311.intro', { base: BASE })}
        </Typography.Paragraph>
        <div className="gz-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="open311-issue">{t('open311.issue')}</Button>
        </div>
        {error ? <ErrorState error={error} onRetry={reload} /> : mobile ? (
          <List<Open311Key>
            data-testid="open311-keys"
            loading={loading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('open311.empty')} /> }}
            renderItem={(k) => (
              <List.Item data-testid={`open311-key-${k.id}`} actions={[revokeButton(k)].filter(Boolean)}>
                <List.Item.Meta
                  title={<>{k.name} {state(k)}</>}
                  description={<>{node(k)}<div className="gz-mono">{k.keyHint}</div><div>{time(k.createdAt)}</div></>}
                />
              </List.Item>
            )}
          />
        ) : (
          <Table<Open311Key>
            data-testid="open311-keys"
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: <Empty description={t('open311.empty')} /> }}
            onRow={(k) => ({ 'data-testid': `open311-key-${k.id}` } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('open311.name'), dataIndex: 'name' },
              { title: t('open311.node'), key: 'node', render: (_, k) => node(k) },
              { title: t('open311.hint'), dataIndex: 'keyHint', width: 120, render: (v: string) => <span className="gz-mono">{v}</span> },
              { title: t('open311.issuedAt'), dataIndex: 'createdAt', width: 180, render: time },
              { title: t('open311.state'), key: 'state', width: 200, render: (_, k) => state(k) },
              { title: t('common.actions'), key: 'actions', width: 90, render: (_, k) => revokeButton(k) },
            ]}
          />
        )}
      </Card>
      <IssueKeyModal open={issuing} onClose={() => setIssuing(false)} onIssued={(k) => { setIssuing(false); setIssued(k); reload(); }} />
      <Modal open={!!issued} title={issued && t('open311.issuedTitle', { name: issued.name })} closable={false} maskClosable={false} keyboard={false} destroyOnHidden
        footer={<Button type="primary" onClick={() => setIssued(null)} data-testid="open311-issued-done">{t('open311.issuedDone')}</Button>}>
        <Alert type="warning" showIcon title={t('open311.issuedOnce')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable={{ text: issued?.key ?? '' }} className="gz-mono" style={{ wordBreak: 'break-all', fontSize: 16 }} data-testid="open311-issued-key">
          {issued?.key}
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}

function IssueKeyModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (k: Open311Key) => void }) {
  const { t } = useI18n();
  const nodes = useGrantNodes();
  const [form] = Form.useForm<{ name: string; territoryId: string }>();

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const k = await api<Open311Key>('/api/open311-keys', { method: 'POST', body: { name: v.name.trim(), territoryId: v.territoryId } });
    form.resetFields();
    onIssued(k);
  }, { success: false });

  return (
    <Modal open={open} title={t('open311.issue')} onCancel={onClose} onOk={submit} confirmLoading={busy}
      okText={t('open311.issue')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'open311-issue-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="name" label={t('open311.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input placeholder={t('open311.namePlaceholder')} data-testid="open311-issue-name" />
        </Form.Item>
        <Form.Item name="territoryId" label={t('open311.node')} rules={[{ required: true, message: t('open311.nodeRequired') }]}>
          <TerritorySelect initial={nodes} testId="open311-issue-node" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
