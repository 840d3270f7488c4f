import { useRef, useState } from 'react';
import { App, Button, Image, List } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { fmtTime } from '../shared/periods';
import { WishTag } from '../shared/SignupTag';
import type { Wish } from '../shared/types';

/** One wish with what the viewer may do next: claim it, fulfil it with a photo, or confirm it. */
export function WishItem({ wish: w, onChanged }: { wish: Wish; onChanged: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      notify.success(done);
      onChanged();
    } catch (err) {
      notify.error(err);
      onChanged();
    } finally {
      setBusy(false);
    }
  };

  const claim = () =>
    modal.confirm({
      title: t('m.wish.claim'),
      content: t('m.wish.claimConfirm', { title: w.title }),
      okButtonProps: { 'data-testid': 'wish-claim-confirm' },
      cancelText: t('common.cancel'),
      onOk: () => run(() => api(`/api/wishes/${w.id}/claim`, { method: 'POST' }), t('m.wish.claimed')),
    });

  const fulfil = (f: File | undefined) => {
    if (!f) return;
    const body = new FormData();
    body.append('photo', f);
    void run(() => api(`/api/wishes/${w.id}/fulfil`, { method: 'POST', body }), t('m.wish.fulfilled'));
    if (file.current) file.current.value = '';
  };

  const confirm = () =>
    modal.confirm({
      title: t('m.wish.confirm'),
      content: t('m.wish.confirmConfirm'),
      okButtonProps: { 'data-testid': 'wish-confirm-confirm' },
      cancelText: t('common.cancel'),
      onOk: () => run(() => api(`/api/wishes/${w.id}/confirm`, { method: 'POST' }), t('m.wish.confirmed')),
    });

  return (
    <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid={`wish-${w.id}`}>
      <div className="gz-m-activity-head">
        <strong>{w.title}</strong>
        <WishTag state={w.state} testId={`wish-state-${w.id}`} />
      </div>
      {w.description && <div className="gz-m-desc">{w.description}</div>}
      <div className="gz-m-meta">
        {t('m.wish.by', { name: w.resident.name })} · {w.territoryName} · {fmtTime(w.createdAt)}
      </div>
      {w.claimedBy && w.mine !== 'claimer' && <div className="gz-m-meta">{t('m.wish.claimedBy', { name: w.claimedBy.name })}</div>}
      {w.state === 'claimed' && w.mine === 'claimer' && w.claimExpiresAt && (
        <div className="gz-m-meta">{t('m.wish.fulfilBy', { time: fmtTime(w.claimExpiresAt) })}</div>
      )}
      {w.state === 'rejected' && w.reason && <div className="gz-m-reason">{t('m.reg.reasonText', { reason: w.reason })}</div>}
      {w.hasPhoto && w.photoUrl && (
        <Image src={w.photoUrl} alt={t('m.wish.photo')} width={120} height={90} style={{ objectFit: 'cover', borderRadius: 6, marginTop: 6 }} data-testid={`wish-photo-${w.id}`} />
      )}
      <div className="gz-m-actions">
        {w.state === 'open' && w.mine !== 'resident' && (
          <Button type="primary" loading={busy} onClick={claim} data-testid={`wish-claim-${w.id}`}>{t('m.wish.claim')}</Button>
        )}
        {w.state === 'claimed' && w.mine === 'claimer' && (
          <>
            <input ref={file} type="file" accept="image/jpeg,image/png,image/webp" capture="environment" hidden
              onChange={(e) => fulfil(e.target.files?.[0])} data-testid={`wish-photo-input-${w.id}`} />
            <Button type="primary" icon={<CameraOutlined />} loading={busy} onClick={() => file.current?.click()} data-testid={`wish-fulfil-${w.id}`}>
              {t('m.wish.fulfil')}
            </Button>
          </>
        )}
        {w.state === 'fulfilled' && w.mine === 'resident' && (
          <Button type="primary" loading={busy} onClick={confirm} data-testid={`wish-confirm-${w.id}`}>{t('m.wish.confirm')}</Button>
        )}
      </div>
    </List.Item>
  );
}
