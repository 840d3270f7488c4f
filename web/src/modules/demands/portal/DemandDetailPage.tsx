import { useRef, useState } from 'react';
import { Alert, Button, Card, Image, Tag } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { MapPointView } from '../../../app/ui/MapPointPicker';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtDate, fmtTime } from '../shared/format';
import { DemandStateTag } from '../shared/StateTag';
import type { DemandDetail, DemandPhoto } from '../shared/types';
import { useLiveDemand } from '../shared/useLiveDemand';
import { checkPhotos, PHOTO_TYPES } from './photos';
import { RateCard } from './RateCard';
import { StepsTimeline } from './StepsTimeline';

function Photos({ title, photos, testId }: { title: string; photos: DemandPhoto[]; testId: string }) {
  if (!photos.length) return null;
  return (
    <div className="gz-dm-detail-photos" data-testid={testId}>
      <div className="gz-m-hint">{title}</div>
      <Image.PreviewGroup>
        <div className="gz-dm-photos">
          {photos.map((p) => (
            <div key={p.id} className="gz-dm-photo"><Image src={p.url} alt="" width="100%" height="100%" /></div>
          ))}
        </div>
      </Image.PreviewGroup>
    </div>
  );
}

/** Adds a photo while the demand still takes them (before acceptance, for the reporter). */
function AddPhoto({ demandId, onAdded }: { demandId: string; onAdded: (d: DemandDetail) => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const pick = async (files: FileList | null) => {
    const { accepted, problems } = checkPhotos(0, Array.from(files ?? []).slice(0, 1));
    if (input.current) input.current.value = '';
    setProblem(problems[0] ? t(problems[0].key, problems[0].vars) : null);
    if (!accepted[0]) return;
    const body = new FormData();
    body.append('photo', accepted[0]);
    setBusy(true);
    try {
      onAdded(await api<DemandDetail>(`/api/demands/${demandId}/photos`, { method: 'POST', body }));
      notify.success(t('m.demand.photoAdded'));
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <input ref={input} type="file" accept={PHOTO_TYPES.join(',')} style={{ display: 'none' }} onChange={(e) => void pick(e.target.files)} data-testid="m-demand-add-photo-input" />
      <Button icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="m-demand-add-photo">{t('m.demand.addPhoto')}</Button>
      {problem && <div className="gz-dm-error">{problem}</div>}
    </>
  );
}

/** A demand as its reporter follows it, kept current: where it stands, the steps so far, photos, the answer and the rating. */
export default function DemandDetailPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  // New steps appear by themselves while the page is open (polled, and on coming back to it).
  const { demand, error, reload, setDemand } = useLiveDemand(id);

  if (error && !demand) return <ErrorState error={error} onRetry={reload} />;
  if (!demand) return <Loading />;
  const d = demand;
  const resolve = [...d.steps].reverse().find((s) => s.action === 'resolve');
  const showAnswer = resolve?.note && (d.state === 'resolved' || d.state === 'closed');
  const place = [d.place.name, d.address].filter(Boolean).join(' · ');

  return (
    <div data-testid="m-demand-detail" data-state={d.state}>
      <Card size="small" className="gz-m-card">
        <div className="gz-m-activity-head">
          <strong className="gz-m-activity-title" data-testid="m-demand-title">{d.title}</strong>
          <DemandStateTag state={d.state} testId="m-demand-state" />
        </div>
        {d.description !== d.title && <div className="gz-m-desc" data-testid="m-demand-description-text">{d.description}</div>}
        <div className="gz-dm-facts">
          <div className="gz-m-row"><span>{t('m.demand.number')}</span><span className="gz-mono" data-testid="m-demand-no">{d.no}</span></div>
          <div className="gz-m-row"><span>{t('m.demand.category')}</span><span>{d.category.name}</span></div>
          <div className="gz-m-row"><span>{t('m.demand.place')}</span><span>{place}</span></div>
          <div className="gz-m-row"><span>{t('m.demand.createdAt')}</span><span>{fmtTime(d.createdAt)}</span></div>
          {d.dueAt && !['closed', 'rejected', 'merged'].includes(d.state) && (
            <div className="gz-m-row">
              <span>{t('m.demand.deadline')}</span>
              <span data-testid="m-demand-due">{fmtDate(d.dueAt)}{d.overdue && <Tag color="red" style={{ marginInline: '6px 0' }}>{t('m.demand.overdue')}</Tag>}</span>
            </div>
          )}
          {d.handler.bodyName && <div className="gz-m-row"><span>{t('m.demand.handler')}</span><span>{d.handler.bodyName}</span></div>}
        </div>
        {d.lat !== null && d.lng !== null && (
          <div style={{ marginTop: 8 }}><MapPointView point={{ lat: d.lat, lng: d.lng }} height={160} testId="m-demand-map-view" /></div>
        )}
        <Photos title={t('m.demand.reportPhotos')} photos={d.photos.filter((p) => p.stage === 'report')} testId="m-demand-report-photos" />
        {d.reopenCount > 0 && <div className="gz-m-meta">{t('m.demand.reopened', { count: d.reopenCount })}</div>}
        {d.actions.includes('photo') && <div className="gz-m-actions"><AddPhoto demandId={d.id} onAdded={setDemand} /></div>}
      </Card>

      {d.mergedInto && (
        <Alert type="info" showIcon className="gz-m-card" data-testid="m-demand-merged"
          title={<>{t('m.demand.mergedInto', { no: d.mergedInto.no })} <Link to={`/m/demands/${d.mergedInto.id}`}>{d.mergedInto.no}</Link></>} />
      )}
      {d.state === 'rejected' && d.rejectReason && (
        <Alert type="error" showIcon className="gz-m-card" title={t('m.demand.rejectReason')}
          description={<span data-testid="m-demand-reject-reason">{d.rejectReason}</span>} />
      )}
      {showAnswer && (
        <Card size="small" className="gz-m-card gz-dm-answer" title={t('m.demand.resolveNote')}>
          <div className="gz-m-desc" style={{ marginTop: 0 }} data-testid="m-demand-resolve-note">{resolve.note}</div>
          <Photos title={t('m.demand.resolvePhotos')} photos={d.photos.filter((p) => p.stage === 'resolve')} testId="m-demand-resolve-photos" />
        </Card>
      )}
      {d.rating && (
        <Card size="small" className="gz-m-card" title={t('m.demand.yourRating')} data-testid="m-demand-rating">
          <Tag color={d.rating === 'unsatisfied' ? 'red' : 'green'} data-testid="m-demand-rating-value">{t(`m.demand.rating.${d.rating}`)}</Tag>
          {d.ratingComment && <div className="gz-m-desc">{d.ratingComment}</div>}
        </Card>
      )}
      {d.actions.includes('rate') && <RateCard demand={d} onRated={setDemand} />}

      <Card size="small" className="gz-m-card" title={t('m.demand.progress')}>
        <StepsTimeline steps={d.steps} />
      </Card>
    </div>
  );
}
