import { useState } from 'react';
import { Button, Card, Descriptions, Image, Space, Tag, Upload } from 'antd';
import { ArrowLeftOutlined, CameraOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/useIsMobile';
import { MapPointView } from '../../../app/ui/MapPointPicker';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtTime } from '../shared/format';
import { DemandStateTag } from '../shared/StateTag';
import type { DemandAction, DemandDetail } from '../shared/types';
import { useLiveDemand } from '../shared/useLiveDemand';
import { ActionDialog, type DialogAction } from './ActionDialog';
import { DemandTimeline } from './DemandTimeline';
import './demands-console.css';

/** The order buttons appear in: the usual next step first, the rarer ones after. */
const ORDER: DialogAction[] = ['accept', 'assign', 'start', 'resolve', 'close', 'whistle', 'reject', 'note', 'merge', 'link'];
const PRIMARY = new Set<DemandAction>(['accept', 'assign', 'start', 'resolve', 'close']);

function Photos({ demand }: { demand: DemandDetail }) {
  const { t } = useI18n();
  if (!demand.photos.length) return null;
  return (
    <Image.PreviewGroup>
      <div className="dc-photos" data-testid="demand-photos">
        {demand.photos.map((p) => (
          <div key={p.id} style={{ textAlign: 'center' }}>
            <Image src={p.url} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 6 }} alt={t(`dc.photo.${p.stage}`)} data-testid={`demand-photo-${p.id}`} />
            <div style={{ fontSize: 12, color: '#888' }}>{t(`dc.photo.${p.stage}`)}</div>
          </div>
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

function Facts({ d }: { d: DemandDetail }) {
  const { t, tx } = useI18n();
  const isMobile = useIsMobile();
  const items = [
    { key: 'state', label: t('dc.state'), children: <Space size={4} wrap><DemandStateTag state={d.state} testId="demand-state" /><Tag data-testid="demand-level">{tx('demand.level', d.level)}</Tag>{d.reopenCount > 0 && <Tag color="orange">{t('dc.reopened', { n: d.reopenCount })}</Tag>}</Space> },
    { key: 'category', label: t('dc.category'), children: d.category.name },
    { key: 'channel', label: t('dc.channel'), children: tx('demand.channel', d.channel) },
    { key: 'place', label: t('dc.place'), children: <span data-testid="demand-place">{[d.community.name, d.grid?.name, d.place.id !== d.community.id && d.place.id !== d.grid?.id ? d.place.name : null, d.room].filter(Boolean).join(' · ')}</span> },
    d.address && { key: 'address', label: t('dc.address'), children: d.address },
    d.contact && { key: 'contact', label: t('dc.contact'), children: <span data-testid="demand-contact">{[d.contact.name, d.contact.phone].filter(Boolean).join(' ')}</span> },
    { key: 'handler', label: t('dc.handler'), children: <span data-testid="demand-handler">{[d.handler.kind ? tx('body', d.handler.kind) : null, d.handler.bodyName].filter(Boolean).join(' · ') || '—'}</span> },
    { key: 'due', label: t('dc.due'), children: <span className={d.overdue ? 'dc-overdue' : undefined} data-testid="demand-due">{d.dueAt ? fmtTime(d.dueAt) : '—'}{d.overdue ? ` (${t('dc.overdue')})` : ''}</span> },
    d.escalatedAt && { key: 'escalated', label: t('dc.escalatedAt'), children: fmtTime(d.escalatedAt) },
    d.rejectReason && { key: 'reject', label: t('dc.rejectReason'), children: d.rejectReason },
    d.rating && { key: 'rating', label: t('dc.rating'), children: <span data-testid="demand-rating">{tx('demand.rating', d.rating)}{d.ratingComment ? ` — ${d.ratingComment}` : ''}</span> },
    d.mergedInto && { key: 'merged', label: t('dc.mergedInto'), children: <Link to={`/console/demands/${d.mergedInto.id}`}>{d.mergedInto.no}</Link> },
    d.externalNo && { key: 'external', label: t('dc.externalNo'), children: <span className="gz-mono">{d.externalNo}</span> },
    { key: 'created', label: t('dc.createdAt'), children: fmtTime(d.createdAt) },
    d.acceptedAt && { key: 'accepted', label: t('dc.acceptedAt'), children: fmtTime(d.acceptedAt) },
    d.resolvedAt && { key: 'resolved', label: t('dc.resolvedAt'), children: fmtTime(d.resolvedAt) },
    d.closedAt && { key: 'closed', label: t('dc.closedAt'), children: fmtTime(d.closedAt) },
  ].filter((x): x is Exclude<typeof x, '' | null> => !!x);
  return <Descriptions className="dc-desc" column={isMobile ? 1 : 2} size="small" bordered={!isMobile} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="demand-facts" />;
}

/** One demand, kept current: everything about it, its photos, its steps, and the buttons for exactly what the caller may do now. */
export default function DemandPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const navigate = useNavigate();
  const notify = useNotify();
  // Another handler's step shows up by itself while the page is open (polled, and on coming back to it).
  const { demand, error, reload, setDemand } = useLiveDemand(id);
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const [uploading, setUploading] = useState(false);

  if (error && !demand) return <ErrorState error={error} onRetry={reload} />;
  if (!demand || demand.id !== id) return <Loading />;

  const addPhoto = async (file: File) => {
    const fd = new FormData();
    fd.append('photo', file);
    setUploading(true);
    try {
      setDemand(await api<DemandDetail>(`/api/demands/${demand.id}/photos`, { method: 'POST', body: fd }));
      notify.success();
    } catch (err) {
      notify.error(err);
    } finally {
      setUploading(false);
    }
  };

  const buttons = ORDER.filter((a) => demand.actions.includes(a));
  const actions = (
    <Card size="small" title={t('dc.actions')} data-testid="demand-actions">
      {buttons.length === 0 && !demand.actions.includes('photo') ? (
        <span style={{ color: '#888' }} data-testid="demand-no-actions">{t('dc.noActions')}</span>
      ) : (
        <div className="dc-actions">
          {buttons.map((a) => (
            <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={a === 'reject' || a === 'whistle'} onClick={() => setDialog(a)} data-testid={`demand-action-${a}`}>
              {t(`dc.action.${a}`)}
            </Button>
          ))}
          {demand.actions.includes('photo') && (
            <Upload accept="image/jpeg,image/png,image/webp" showUploadList={false} beforeUpload={(f) => { void addPhoto(f); return false; }}>
              <Button icon={<CameraOutlined />} loading={uploading} data-testid="demand-action-photo">{t('dc.addPhoto')}</Button>
            </Upload>
          )}
        </div>
      )}
    </Card>
  );

  return (
    <div data-testid="demand-page">
      <Space style={{ marginBottom: 8 }} wrap>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('dc.back')} />
        <span className="gz-mono" data-testid="demand-no">{demand.no}</span>
      </Space>
      <h1 className="gz-page-title" data-testid="demand-title">{demand.title}</h1>
      <div className="dc-detail">
        <Space orientation="vertical" size={16} style={{ width: '100%', minWidth: 0 }}>
          <Card size="small">
            <Facts d={demand} />
            {demand.description !== demand.title && (
              <div style={{ marginTop: 12, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="demand-description">{demand.description}</div>
            )}
            {demand.lat !== null && demand.lng !== null && (
              <div style={{ marginTop: 12, maxWidth: 480 }}><MapPointView point={{ lat: demand.lat, lng: demand.lng }} height={200} testId="demand-map-view" /></div>
            )}
            <div style={{ marginTop: 12 }}><Photos demand={demand} /></div>
          </Card>
          {(demand.links.length > 0 || demand.duplicates.length > 0) && (
            <Card size="small" title={t('dc.related')} data-testid="demand-related">
              {demand.links.map((l) => (
                <div key={`${l.targetType}-${l.targetId}`}>{t(`dc.link.${l.targetType}`)} · <span className="gz-mono">{l.targetId}</span>{l.note ? ` — ${l.note}` : ''}</div>
              ))}
              {demand.duplicates.map((d) => (
                <div key={d.id}>{t('dc.duplicate')} · <Link to={`/console/demands/${d.id}`}>{d.no}</Link> {d.title}</div>
              ))}
            </Card>
          )}
        </Space>
        <Space orientation="vertical" size={16} style={{ width: '100%', minWidth: 0 }}>
          {actions}
          <Card size="small" title={t('dc.steps')}>
            <DemandTimeline steps={demand.steps} />
          </Card>
        </Space>
      </div>
      <ActionDialog
        key={dialog ?? 'none'}
        demand={demand}
        action={dialog}
        onClose={() => setDialog(null)}
        onDone={(next) => {
          setDialog(null);
          if (next.id === demand.id) setDemand(next);
          else reload();
        }}
      />
    </div>
  );
}
