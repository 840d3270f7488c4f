import { useState } from 'react';
import { Button, Card, Empty, Form, Input, List, Segmented } from 'antd';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import type { Items } from '../../../app/types';
import type { Wish } from '../shared/types';
import { WishItem } from './WishItem';

type View = 'open' | 'claimed' | 'mine';

function WishList({ query, empty, testId, title }: { query: Record<string, string>; empty: string; testId: string; title?: string }) {
  const { data, error, loading, reload } = useFetch<Items<Wish>>('/api/wishes', query);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  if (!data?.items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Card size="small" className="gz-m-card" title={title}>
      <List data-testid={testId} dataSource={data.items} renderItem={(w) => <WishItem key={w.id} wish={w} onChanged={reload} />} />
    </Card>
  );
}

function PostWish({ onPosted }: { onPosted: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [form] = Form.useForm<{ title: string; description?: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { title: string; description?: string }) => {
    setBusy(true);
    try {
      await api('/api/wishes', { method: 'POST', body: { title: v.title.trim(), description: v.description?.trim() || undefined } });
      notify.success(t('m.wish.posted'));
      form.resetFields();
      onPosted();
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" className="gz-m-card" title={t('m.wish.post')} data-testid="wish-form">
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="title" label={t('m.wish.title')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input maxLength={60} placeholder={t('m.wish.titlePlaceholder')} data-testid="wish-form-title" />
        </Form.Item>
        <Form.Item name="description" label={t('m.wish.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="wish-form-description" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="wish-form-submit">{t('m.wish.submit')}</Button>
      </Form>
    </Card>
  );
}

/** 心愿: members claim open wishes of their street and fulfil them; residents post theirs and confirm them. */
export default function WishesTab() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const member = hasRole('party_member');
  const resident = hasRole('resident');
  const views: View[] = [...(member ? (['open', 'claimed'] as View[]) : []), ...(resident ? (['mine'] as View[]) : [])];
  const [view, setView] = useState<View>(views[0] ?? 'mine');
  const [tick, setTick] = useState(0);

  return (
    <>
      {views.length > 1 && (
        <Segmented<View>
          block
          value={view}
          onChange={setView}
          className="gz-m-segmented"
          data-testid="m-wishes-view"
          options={views.map((v) => ({ value: v, label: <span data-testid={`m-view-wishes-${v}`}>{t(`m.wish.view.${v}`)}</span> }))}
        />
      )}
      {view === 'open' && <WishList query={{ state: 'open' }} empty={t('m.wish.noneOpen')} testId="wishes-open" />}
      {view === 'claimed' && <WishList query={{ mine: 'true' }} empty={t('m.wish.noneClaimed')} testId="wishes-claimed" />}
      {view === 'mine' && (
        <>
          <PostWish onPosted={() => setTick((n) => n + 1)} />
          <WishList key={tick} query={{ mine: 'true' }} empty={t('m.wish.noneMine')} testId="wishes-mine" title={t('m.wish.view.mine')} />
        </>
      )}
    </>
  );
}
