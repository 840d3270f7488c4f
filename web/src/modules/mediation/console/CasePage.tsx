import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { fmtTime } from '../../charters/shared/types';
import { CASE_COLOR, type CaseDetail } from '../shared/types';
import { PartyFields, type PartyValues, partyInput } from './PartyFields';

type Dialog = 'session' | 'agreement' | 'fail' | 'followUp' | 'party' | 'mediator' | null;

/** One dialog for each step a handler records; each posts its form as the step's body. */
function StepDialog({ kind, c, onClose, onDone }: { kind: Dialog; c: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm();
  const mediators = useFetch<{ items: { id: string; name: string; bodyName: string }[] }>(kind === 'mediator' ? '/api/mediators' : null, { territoryId: c.territoryId });
  const required = [{ required: true, whitespace: true, message: t('charter.required') }];
  const dateRequired = [{ required: true, message: t('charter.required') }];
  const spec = kind && {
    session: { title: t('mediation.addSession'), path: 'sessions', body: (v: Record<string, unknown>) => ({ ...v, heldAt: (v.heldAt as dayjs.Dayjs).toISOString() }) },
    agreement: { title: t('mediation.writeAgreement'), path: 'agreement', body: (v: Record<string, unknown>) => v },
    fail: { title: t('mediation.fail'), path: 'fail', body: (v: Record<string, unknown>) => v },
    followUp: { title: t('mediation.followUp'), path: 'follow-up', body: (v: Record<string, unknown>) => ({ ...v, visitedOn: (v.visitedOn as dayjs.Dayjs).format('YYYY-MM-DD') }) },
    party: { title: t('mediation.addParty'), path: 'parties', body: (v: Record<string, unknown>) => partyInput(v as unknown as PartyValues) },
    mediator: { title: t('mediation.setMediator'), path: 'mediator', body: (v: Record<string, unknown>) => v },
  }[kind];
  const { busy, submit } = useFormSubmit(form, async (v: Record<string, unknown>) => {
    onDone(await api<CaseDetail>(`/api/mediation-cases/${c.id}/${spec!.path}`, { method: 'POST', body: spec!.body(v) }));
  });
  if (!spec) return null;
  return (
    <Modal open title={spec.title} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ 'data-testid': 'mediation-step-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ heldAt: dayjs(), visitedOn: dayjs(), side: 'respondent', who: 'person', text: c.agreementText ?? '' }}>
        {kind === 'session' && (<>
          <Form.Item name="heldAt" label={t('mediation.heldAt')} rules={dateRequired}><DatePicker showTime style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="place" label={t('mediation.sessionPlace')}><Input maxLength={100} data-testid="mediation-session-place" /></Form.Item>
          <Form.Item name="notes" label={t('mediation.notes')} rules={required}><Input.TextArea autoSize={{ minRows: 4 }} data-testid="mediation-session-notes" /></Form.Item>
        </>)}
        {kind === 'agreement' && <Form.Item name="text" label={t('mediation.agreement')} rules={required}><Input.TextArea autoSize={{ minRows: 5 }} data-testid="mediation-agreement-text" /></Form.Item>}
        {kind === 'fail' && <Form.Item name="reason" label={t('mediation.failReason')} rules={required}><Input.TextArea autoSize={{ minRows: 3 }} data-testid="mediation-fail-reason" /></Form.Item>}
        {kind === 'followUp' && (<>
          <Form.Item name="visitedOn" label={t('mediation.visitedOn')} rules={dateRequired}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="note" label={t('mediation.followUpNote')} rules={required}><Input.TextArea autoSize={{ minRows: 3 }} data-testid="mediation-followup-note" /></Form.Item>
        </>)}
        {kind === 'party' && (<>
          <Form.Item name="side" label={t('mediation.parties')}><Select options={['applicant', 'respondent'].map((s) => ({ value: s, label: tx('mediation.side', s) }))} data-testid="mediation-party-side" /></Form.Item>
          <PartyFields at={[]} full={[]} testId="mediation-party" />
        </>)}
        {kind === 'mediator' && (
          <Form.Item name="personId" label={t('mediation.mediator')} rules={dateRequired}>
            <Select options={(mediators.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.bodyName}）` }))} data-testid="mediation-mediator-select" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** A case: masked parties with their sign-offs, the sessions as a timeline, the agreement and the follow-up. */
export function CasePage() {
  const { id } = useParams();
  const { t, tx } = useI18n();
  const notify = useNotify();
  const detail = useFetch<CaseDetail>(`/api/mediation-cases/${id}`);
  const [shown, setShown] = useState<CaseDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  const c = shown && shown.id === id ? shown : detail.data;
  if (!c) return <Loading />;
  const can = (a: CaseDetail['actions'][number]) => c.actions.includes(a);
  const sign = async (partyId: string) => {
    try {
      setShown(await api<CaseDetail>(`/api/mediation-cases/${c.id}/parties/${partyId}/sign`, { method: 'POST', body: {} }));
      notify.success();
    } catch (err) {
      notify.error(err);
    }
  };
  const step = (d: Exclude<Dialog, null>, label: string, primary = false) =>
    can(d) && <Button key={d} type={primary ? 'primary' : 'default'} danger={d === 'fail'} onClick={() => setDialog(d)} data-testid={`mediation-${d}`}>{label}</Button>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={<Space wrap><span data-testid="mediation-no">{c.no}</span><span>{c.title}</span></Space>}
        extra={<Tag color={CASE_COLOR[c.state]} data-testid="mediation-state">{tx('mediation.state', c.state)}</Tag>}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('mediation.kind')}>{tx('mediation.kind', c.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('mediation.place')}>{c.territoryName}</Descriptions.Item>
          <Descriptions.Item label={t('mediation.mediator')}>
            <Space>{c.mediator?.name ?? t('mediation.mediatorNone')}{step('mediator', t('mediation.setMediator'))}</Space>
          </Descriptions.Item>
          {c.demand && <Descriptions.Item label={t('mediation.demand')}><Link to={`/console/demands/${c.demand.id}`} data-testid="mediation-demand-link">{c.demand.no}</Link></Descriptions.Item>}
          <Descriptions.Item label={t('mediation.createdAt')}>{fmtTime(c.createdAt)}</Descriptions.Item>
        </Descriptions>
        {c.description && <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>}
      </Card>
      <Card size="small" title={t('mediation.parties')} extra={step('party', t('mediation.addParty'))}>
        <List dataSource={c.partyList} data-testid="mediation-parties" renderItem={(p) => (
          <List.Item actions={[
            p.signedAt ? <Tag color="green" key="s">{t('mediation.signed')} {fmtTime(p.signedAt)}</Tag>
            : can('sign') && c.agreementText ? <Button size="small" key="s" onClick={() => sign(p.id)} data-testid={`mediation-sign-${p.id}`}>{t('mediation.sign')}</Button>
            : c.agreementText ? <Tag key="s">{t('mediation.unsigned')}</Tag> : null,
          ]}>
            <List.Item.Meta title={<Space wrap><Tag>{tx('mediation.side', p.side)}</Tag><span data-testid="mediation-party-name-shown">{p.name}</span></Space>} description={p.phone ?? ''} />
          </List.Item>
        )} />
      </Card>
      <Card size="small" title={t('mediation.sessions')} extra={step('session', t('mediation.addSession'))}>
        {c.sessions.length ? (
          <Timeline data-testid="mediation-sessions" items={c.sessions.map((s) => ({
            children: <><strong>{fmtTime(s.heldAt)}</strong>{s.place ? ` · ${s.place}` : ''}{s.recordedBy ? ` · ${s.recordedBy}` : ''}<div style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</div></>,
          }))} />
        ) : <Empty description={t('mediation.noSessions')} />}
      </Card>
      <Card size="small" title={t('mediation.agreement')} extra={<Space wrap>{step('agreement', t('mediation.writeAgreement'))}{step('fail', t('mediation.fail'))}{step('followUp', t('mediation.followUp'), true)}</Space>}>
        {c.agreementText ? <div className="gz-charter-text" data-testid="mediation-agreement-shown">{c.agreementText}</div> : <Empty description={t('mediation.noAgreement')} />}
        <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
          {c.agreedAt && <Descriptions.Item label={t('mediation.agreedAt')}>{fmtTime(c.agreedAt)}</Descriptions.Item>}
          {c.failReason && <Descriptions.Item label={t('mediation.failReason')}>{c.failReason}</Descriptions.Item>}
          {c.followUpOn && <Descriptions.Item label={t('mediation.visitedOn')}>{c.followUpOn}</Descriptions.Item>}
          {c.followUpNote && <Descriptions.Item label={t('mediation.followUpNote')}><span data-testid="mediation-followup-shown">{c.followUpNote}</span></Descriptions.Item>}
        </Descriptions>
      </Card>
      <StepDialog kind={dialog} c={c} onClose={() => setDialog(null)} onDone={(d) => { setShown(d); setDialog(null); }} />
    </Space>
  );
}
