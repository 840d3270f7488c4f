import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Empty, Image, Input, List, Modal, Space, Timeline, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { ArrowLeftOutlined, CameraOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { useIsMobile } from '../../../app/useIsMobile';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtDate, fmtTime, ResolutionStateTag } from '../shared/Tags';
import { TextDialog } from '../shared/TextDialog';
import type { Objection, ResolutionDetail } from '../shared/types';
import { EditResolutionDialog } from './EditResolutionDialog';
import '../deliberation.css';

/** A progress note (or the final one), with an optional photo as evidence. */
function ProgressDialog({ resolution, final, onClose, onDone }: { resolution: ResolutionDetail; final: boolean | null; onClose: () => void; onDone: (r: ResolutionDetail) => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!note.trim()) return;
    const fd = new FormData();
    fd.append('note', note.trim());
    if (photo[0]?.originFileObj) fd.append('photo', photo[0].originFileObj);
    setBusy(true);
    try {
      onDone(await api<ResolutionDetail>(`/api/resolutions/${resolution.id}/${final ? 'done' : 'progress'}`, { method: 'POST', body: fd }));
      setNote('');
      setPhoto([]);
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={final !== null} title={final ? t('dl.resolution.done') : t('dl.resolution.progress')} onCancel={onClose} onOk={submit}
      okText={t('dl.submit')} cancelText={t('common.cancel')} okButtonProps={{ disabled: !note.trim(), loading: busy, 'data-testid': 'resolution-progress-submit' }} destroyOnHidden>
      <Input.TextArea rows={4} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('dl.resolution.progressNote')} data-testid="resolution-progress-note" />
      <Upload accept="image/jpeg,image/png,image/webp" listType="picture" maxCount={1} fileList={photo} beforeUpload={() => false} onChange={({ fileList }) => setPhoto(fileList)}>
        <Button icon={<CameraOutlined />} style={{ marginTop: 8 }} data-testid="resolution-progress-photo">{t('dl.resolution.photo')}</Button>
      </Upload>
    </Modal>
  );
}

function Objections({ r, onAnswer }: { r: ResolutionDetail; onAnswer: (o: Objection) => void }) {
  const { t } = useI18n();
  if (!r.objections.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dl.resolution.noObjections')} />;
  return (
    <List
      dataSource={r.objections}
      renderItem={(o) => (
        <List.Item data-testid={`objection-${o.id}`} style={{ display: 'block' }}>
          <div className="dl-row-meta">{o.by ?? t('dl.resolution.resident')} · {fmtTime(o.createdAt)}</div>
          <div className="dl-row-text" data-testid={`objection-text-${o.id}`}>{o.text}</div>
          {o.answer ? (
            <div className="dl-answer" data-testid={`objection-answer-${o.id}`}>{t('dl.resolution.answer')}：{o.answer}<span className="dl-row-meta"> · {o.answeredBy} {fmtTime(o.answeredAt)}</span></div>
          ) : r.actions.includes('answer') ? (
            <Button size="small" onClick={() => onAnswer(o)} data-testid={`objection-answer-open-${o.id}`}>{t('dl.resolution.answerIt')}</Button>
          ) : null}
        </List.Item>
      )}
    />
  );
}

/** One resolution: its text and vote, publication with objections and answers, and its progress to done. */
export default function ResolutionPage() {
  const { id = '' } = useParams();
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const notify = useNotify();
  const isMobile = useIsMobile();
  const fetched = useFetch<ResolutionDetail>(`/api/resolutions/${id}`);
  const [r, setR] = useState<ResolutionDetail>();
  const [answering, setAnswering] = useState<Objection | null>(null);
  const [progress, setProgress] = useState<boolean | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setR(fetched.data), [fetched.data]);

  if (fetched.error) return <ErrorState error={fetched.error} onRetry={fetched.reload} />;
  if (!r || r.id !== id) return <Loading />;

  const publish = async () => {
    setBusy(true);
    try {
      setR(await api<ResolutionDetail>(`/api/resolutions/${r.id}/publish`, { method: 'POST', body: {} }));
      notify.success(t('dl.resolution.published'));
    } catch (err) {
      notify.error(err);
      fetched.reload();
    } finally {
      setBusy(false);
    }
  };
  const d = r.decision;
  // On a phone the buttons come first, above the text; on a desk they sit beside it.
  const actions = (
    <Card size="small" title={t('dl.actions')} data-testid="resolution-actions">
      <div className="dl-actions" style={{ marginTop: 0 }}>
        {r.actions.includes('publish') && <Button type="primary" loading={busy} onClick={publish} data-testid="resolution-publish">{t('dl.resolution.publish', { n: r.publicDays })}</Button>}
        {r.actions.includes('edit') && <Button onClick={() => setEditing(true)} data-testid="resolution-edit">{t('common.edit')}</Button>}
        {r.actions.includes('progress') && <Button onClick={() => setProgress(false)} data-testid="resolution-progress">{t('dl.resolution.progress')}</Button>}
        {r.actions.includes('done') && <Button type="primary" onClick={() => setProgress(true)} data-testid="resolution-done">{t('dl.resolution.done')}</Button>}
        <Link to={`/print/resolutions/${r.id}`} target="_blank"><Button icon={<PrinterOutlined />} data-testid="resolution-print-open">{t('dl.print')}</Button></Link>
        {r.actions.includes('withdraw') && <Button danger onClick={() => setWithdrawing(true)} data-testid="resolution-withdraw">{t('dl.resolution.withdraw')}</Button>}
      </div>
    </Card>
  );

  return (
    <div data-testid="resolution-page" data-state={r.state}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/resolutions')} aria-label={t('dl.back')} />
        <ResolutionStateTag state={r.state} overdue={r.overdue} testId="resolution-state" />
      </Space>
      <h1 className="gz-page-title" data-testid="resolution-title">{r.title}</h1>
      <div className="dl-detail">
        <Space orientation="vertical" size={16} style={{ width: '100%', minWidth: 0 }}>
          {isMobile && actions}
          <Card size="small">
            <div className="dl-body" data-testid="resolution-text">{r.text}</div>
            <Descriptions
              size="small"
              column={isMobile ? 1 : 2}
              style={{ marginTop: 12 }}
              items={[
                { key: 'node', label: t('dl.community'), children: r.community.name },
                ...(r.meeting ? [{ key: 'meeting', label: t('dl.resolution.meeting'), children: <Link to={`/console/meetings/${r.meeting.id}`}>{r.meeting.title}</Link> }] : []),
                ...(d && d.votesFor !== null ? [{ key: 'vote', label: t('dl.print.decision'), children: <span data-testid="resolution-vote">{d.method ? tx('dl.method', d.method) : ''} {t('dl.resolution.votes', { for: d.votesFor ?? 0, against: d.votesAgainst ?? 0, abstain: d.votesAbstain ?? 0 })}</span> }] : []),
                { key: 'body', label: t('dl.resolution.responsible'), children: r.responsibleBody?.name ?? '—' },
                { key: 'due', label: t('dl.resolution.dueOn'), children: <span className={r.overdue ? 'dl-overdue' : undefined} data-testid="resolution-due">{r.dueOn ?? '—'}{r.overdue ? `（${t('dl.overdue')}）` : ''}</span> },
                { key: 'pub', label: t('dl.resolution.publication'), children: r.publishedAt ? <span data-testid="resolution-publication">{t('dl.resolution.publicRange', { from: fmtDate(r.publishedAt), to: fmtDate(r.publicUntil) })}</span> : t('dl.resolution.publicDaysN', { n: r.publicDays }) },
                ...(r.carriedOverAt ? [{ key: 'carried', label: t('dl.resolution.carriedOver'), children: fmtTime(r.carriedOverAt) }] : []),
                ...(r.createdBy ? [{ key: 'by', label: t('dl.resolution.createdBy'), children: r.createdBy }] : []),
              ]}
            />
          </Card>
          <Card size="small" title={t('dl.resolution.objections', { n: r.objections.length })} data-testid="resolution-objections">
            <Objections r={r} onAnswer={setAnswering} />
          </Card>
        </Space>
        <Space orientation="vertical" size={16} style={{ width: '100%', minWidth: 0 }}>
          {!isMobile && actions}
          <Card size="small" title={t('dl.resolution.progressTitle')} data-testid="resolution-progress-list">
            {r.progress.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dl.resolution.noProgress')} /> : (
              <Timeline
                items={r.progress.map((p) => ({
                  color: p.final ? 'green' : 'blue',
                  content: (
                    <div data-testid={`progress-${p.id}`}>
                      <div className="dl-row-meta">{fmtTime(p.at)} · {p.actorName}{p.final ? ` · ${t('dl.resolution.final')}` : ''}</div>
                      <div className="dl-row-text">{p.note}</div>
                      {p.photoUrl && <Image src={p.photoUrl} width={120} height={90} style={{ objectFit: 'cover', borderRadius: 4 }} alt={t('dl.resolution.photo')} />}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Space>
      </div>
      <TextDialog
        open={!!answering}
        title={t('dl.resolution.answerIt')}
        label={answering?.text ?? ''}
        field="answer"
        testId="objection-answer"
        onClose={() => setAnswering(null)}
        onSubmit={async (answer) => setR(await api<ResolutionDetail>(`/api/resolutions/${r.id}/objections/${answering!.id}/answer`, { method: 'POST', body: { answer } }))}
      />
      <TextDialog
        open={withdrawing}
        title={t('dl.resolution.withdraw')}
        label={t('dl.meeting.cancelReason')}
        field="reason"
        testId="resolution-withdraw-dialog"
        onClose={() => setWithdrawing(false)}
        onSubmit={async (reason) => setR(await api<ResolutionDetail>(`/api/resolutions/${r.id}/withdraw`, { method: 'POST', body: { reason } }))}
      />
      <EditResolutionDialog resolution={r} open={editing} onClose={() => setEditing(false)} onDone={(next) => { setR(next); setEditing(false); notify.success(); }} />
      <ProgressDialog resolution={r} final={progress} onClose={() => setProgress(null)} onDone={(next) => { setR(next); setProgress(null); notify.success(); }} />
    </div>
  );
}
