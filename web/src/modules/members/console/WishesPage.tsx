import { useState } from 'react';
import { App, Button, Card, Form, Image, Input, Modal, Segmented, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import { ReasonDialog } from '../../../app/ui/ReasonDialog';
import type { Items } from '../../../app/types';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { PersonPicker } from '../../bodies/PersonPicker';
import { fmtTime } from '../shared/periods';
import { WishTag } from '../shared/SignupTag';
import type { Wish, WishState } from '../shared/types';
import './members-console.css';

const FILTERS: (WishState | 'all')[] = ['pending_review', 'open', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'all'];

function RejectDialog({ wish, onClose, onDone }: { wish: Wish | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <ReasonDialog open={!!wish} title={t('wish.reject')} subject={wish?.title} label={t('wish.reason')}
      send={(reason) => api(`/api/wishes/${wish!.id}/reject`, { method: 'POST', body: { reason } })}
      onClose={onClose} onDone={onDone} submitTestId="wish-reject-submit" inputTestId="wish-reject-reason" />
  );
}

function PostForResident({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ residentId: string; title: string; description?: string }>();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api('/api/wishes', { method: 'POST', body: { residentId: v.residentId, title: v.title.trim(), description: v.description?.trim() || undefined } });
    onDone();
  }, { success: t('m.wish.posted') });
  return (
    <Modal open={open} title={t('wish.postFor')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'wish-post-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="residentId" label={t('wish.resident')} rules={[{ required: true }]}>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="title" label={t('m.wish.title')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input maxLength={60} data-testid="wish-post-title" />
        </Form.Item>
        <Form.Item name="description" label={t('m.wish.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} data-testid="wish-post-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 微心愿审核: staff approve or reject new wishes, post for residents, and confirm fulfilled ones. */
export default function WishesPage() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const { modal } = App.useApp();
  const staff = can('wish.review');
  const [state, setState] = useState<WishState | 'all'>('pending_review');
  const { data, error, loading, reload } = useFetch<Items<Wish>>('/api/wishes', { state: state === 'all' ? undefined : state });
  const [rejecting, setRejecting] = useState<Wish | null>(null);
  const [posting, setPosting] = useState(false);

  const act = (w: Wish, action: 'approve' | 'confirm') =>
    modal.confirm({
      title: action === 'approve' ? t('wish.approve') : t('m.wish.confirm'),
      content: action === 'approve' ? t('wish.approveConfirm', { title: w.title }) : t('wish.confirmFor', { title: w.title }),
      okButtonProps: { 'data-testid': `wish-${action}-confirm` },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api(`/api/wishes/${w.id}/${action}`, { method: 'POST' });
          notify.success();
          reload();
        } catch (err) {
          notify.error(err);
          reload();
        }
      },
    });

  return (
    <div>
      <h1 className="gz-page-title">{t('wish.pageTitle')}</h1>
      <Card>
        <div className="gz-toolbar">
          <div className="gz-seg-scroll"><Segmented<WishState | 'all'> value={state} onChange={setState} data-testid="wishes-state"
            options={FILTERS.map((s) => ({ value: s, label: <span data-testid={`wishes-state-${s}`}>{s === 'all' ? t('common.all') : tx('wish.state', s)}</span> }))} /></div>
          {staff && <Button icon={<PlusOutlined />} onClick={() => setPosting(true)} data-testid="wish-post">{t('wish.postFor')}</Button>}
        </div>
        {error ? <ErrorState error={error} onRetry={reload} /> : (
          <Table<Wish>
            data-testid="wishes-table"
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={data?.items ?? []}
            locale={{ emptyText: t('wish.none') }}
            pagination={(data?.items.length ?? 0) > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 980 }}
            onRow={(w) => ({ 'data-testid': `wish-row-${w.id}` } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              {
                title: t('m.wish.title'), dataIndex: 'title',
                render: (v: string, w) => <><div>{v}</div>{w.description && <div style={{ color: '#888', fontSize: 12 }}>{w.description}</div>}</>,
              },
              { title: t('wish.resident'), key: 'resident', width: 100, render: (_: unknown, w) => w.resident.name },
              { title: t('activity.community'), dataIndex: 'territoryName', width: 150, ellipsis: true },
              { title: t('wish.state'), dataIndex: 'state', width: 90, render: (s: WishState) => <WishTag state={s} /> },
              {
                title: t('wish.claimer'), key: 'claimer', width: 110,
                render: (_: unknown, w) => w.claimedBy ? w.claimedBy.name : w.reason ? <span style={{ color: '#b7181f' }}>{w.reason}</span> : null,
              },
              {
                title: t('m.wish.photo'), key: 'photo', width: 80,
                render: (_: unknown, w) => w.hasPhoto && w.photoUrl ? <Image src={w.photoUrl} width={48} height={36} style={{ objectFit: 'cover' }} alt={t('m.wish.photo')} /> : null,
              },
              { title: t('wish.postedAt'), dataIndex: 'createdAt', width: 140, render: fmtTime },
              ...(staff
                ? [{
                    title: t('common.actions'), key: 'actions', width: 150, fixed: 'right' as const,
                    render: (_: unknown, w: Wish) => (
                      <Space size={4}>
                        {w.state === 'pending_review' && (
                          <>
                            <Button size="small" type="primary" onClick={() => act(w, 'approve')} data-testid={`wish-approve-${w.id}`}>{t('wish.approve')}</Button>
                            <Button size="small" danger onClick={() => setRejecting(w)} data-testid={`wish-reject-${w.id}`}>{t('wish.reject')}</Button>
                          </>
                        )}
                        {w.state === 'fulfilled' && (
                          <Button size="small" type="primary" onClick={() => act(w, 'confirm')} data-testid={`wish-confirm-${w.id}`}>{t('m.wish.confirm')}</Button>
                        )}
                      </Space>
                    ),
                  }]
                : []),
            ]}
          />
        )}
      </Card>
      <RejectDialog wish={rejecting} onClose={() => setRejecting(null)} onDone={() => { setRejecting(null); reload(); }} />
      <PostForResident open={posting} onClose={() => setPosting(false)} onDone={() => { setPosting(false); setState('pending_review'); reload(); }} />
    </div>
  );
}
