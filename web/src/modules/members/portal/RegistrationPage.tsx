import { useState } from 'react';
import { App, Button, Card, Form, Input, List, Radio, Select, Typography } from 'antd';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtTime } from '../shared/periods';
import { RegistrationTag } from '../shared/SignupTag';
import type { MyRegistrations, Registration } from '../shared/types';
import { WorkplacePicker } from './WorkplacePicker';

interface RegForm {
  communityId: string;
  source: 'platform' | 'outside';
  workplaceOrgId?: string;
  workplaceOrgName?: string;
}

const orgName = (r: Registration) => r.workplaceOrg?.name ?? r.workplaceOrgName ?? '';

function Current({ reg, onChanged }: { reg: Registration; onChanged: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const { modal } = App.useApp();
  const withdraw = () =>
    modal.confirm({
      title: t('m.reg.withdraw'),
      content: t('m.reg.withdrawConfirm', { community: reg.community.name }),
      okButtonProps: { danger: true, 'data-testid': 'reg-withdraw-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api(`/api/registrations/${reg.id}/withdraw`, { method: 'POST' });
          notify.success();
          onChanged();
        } catch (err) {
          notify.error(err);
        }
      },
    });
  return (
    <Card size="small" className="gz-m-card" title={t('m.reg.current')} data-testid="reg-current">
      <div className="gz-m-row"><span>{t('m.reg.state')}</span><RegistrationTag state={reg.state} testId="reg-state" /></div>
      <div className="gz-m-row"><span>{t('m.reg.community')}</span><span data-testid="reg-community">{reg.community.name}</span></div>
      <div className="gz-m-row"><span>{t('m.reg.workplaceOrg')}</span><span>{orgName(reg)}</span></div>
      <div className="gz-m-row"><span>{t('m.reg.submittedAt')}</span><span>{fmtTime(reg.submittedAt)}</span></div>
      {reg.decidedAt && <div className="gz-m-row"><span>{t('m.reg.decidedAt')}</span><span>{fmtTime(reg.decidedAt)}</span></div>}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
        {reg.state === 'pending' ? t('m.reg.pendingHint') : t('m.reg.confirmedHint')}
      </Typography.Paragraph>
      <Button block danger onClick={withdraw} data-testid="reg-withdraw">{t('m.reg.withdraw')}</Button>
    </Card>
  );
}

function NewRegistration({ data, onDone }: { data: MyRegistrations; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [form] = Form.useForm<RegForm>();
  const [busy, setBusy] = useState(false);
  const source = Form.useWatch('source', form) ?? 'platform';

  const submit = async (v: RegForm) => {
    setBusy(true);
    try {
      await api('/api/registrations', {
        method: 'POST',
        body: {
          communityId: v.communityId,
          ...(v.source === 'platform' ? { workplaceOrgId: v.workplaceOrgId } : { workplaceOrgName: v.workplaceOrgName?.trim() }),
        },
      });
      notify.success(t('m.reg.submitted'));
      onDone();
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" className="gz-m-card" title={t('m.reg.new')} data-testid="reg-form">
      <Typography.Paragraph type="secondary">{t('m.reg.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}
        initialValues={{ communityId: data.communities[0]?.id, source: 'platform' }}>
        <Form.Item name="communityId" label={t('m.reg.community')} rules={[{ required: true }]}>
          <Select data-testid="reg-community-select" options={data.communities.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="source" label={t('m.reg.workplaceOrg')}>
          <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex' }} data-testid="reg-source">
            <Radio.Button value="platform" style={{ flex: 1, textAlign: 'center' }}><span data-testid="reg-source-platform">{t('m.reg.source.platform')}</span></Radio.Button>
            <Radio.Button value="outside" style={{ flex: 1, textAlign: 'center' }}><span data-testid="reg-source-outside">{t('m.reg.source.outside')}</span></Radio.Button>
          </Radio.Group>
        </Form.Item>
        {source === 'platform' ? (
          <Form.Item name="workplaceOrgId" rules={[{ required: true, message: t('m.reg.orgRequired') }]}>
            <WorkplacePicker />
          </Form.Item>
        ) : (
          <Form.Item name="workplaceOrgName" rules={[{ required: true, whitespace: true, max: 80, message: t('m.reg.orgRequired') }]}>
            <Input placeholder={t('m.reg.orgNamePlaceholder')} maxLength={80} data-testid="reg-workplace-name" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="reg-submit">{t('m.reg.submit')}</Button>
      </Form>
    </Card>
  );
}

/** 双报到: the member registers with the community where they live, naming their workplace party organisation. */
export default function RegistrationPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useFetch<MyRegistrations>('/api/registrations/mine');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const past = data.history.filter((r) => r.id !== data.current?.id);
  return (
    <>
      {data.current ? <Current reg={data.current} onChanged={reload} /> : <NewRegistration data={data} onDone={reload} />}
      {past.length > 0 && (
        <Card size="small" className="gz-m-card" title={t('m.reg.history')}>
          <List
            size="small"
            data-testid="reg-history"
            dataSource={past}
            renderItem={(r) => (
              <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid={`reg-history-${r.id}`}>
                <div className="gz-m-activity-head"><span>{r.community.name}</span><RegistrationTag state={r.state} /></div>
                <div className="gz-m-meta">{orgName(r)} · {fmtTime(r.submittedAt)}</div>
                {r.reason && <div className="gz-m-reason" data-testid={`reg-reason-${r.id}`}>{t('m.reg.reasonText', { reason: r.reason })}</div>}
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
