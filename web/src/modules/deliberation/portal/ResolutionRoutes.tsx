import { useState } from 'react';
import { Button, Card, Empty, Input, Tag } from 'antd';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtDate, fmtTime, ResolutionStateTag } from '../shared/Tags';
import type { Paged, ResolutionDetail, ResolutionOut } from '../shared/types';
import { BackTitle } from './BackTitle';

function Board() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useFetch<Paged<ResolutionOut>>('/api/resolutions/public', { pageSize: 50 });
  return (
    <>
      <BackTitle title={t('dl.m.resolutions')} />
      <Card size="small" className="gz-m-card" data-testid="m-resolutions-list">
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : list.loading && !list.data ? <Loading /> : !list.data?.items.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dl.m.noResolutions')} />
        ) : list.data.items.map((r) => (
          <button key={r.id} type="button" className="dl-m-item" onClick={() => navigate(`/m/resolutions/${r.id}`)} data-testid={`m-resolution-${r.id}`}>
            <div className="dl-m-item-title"><span data-testid={`m-resolution-title-${r.id}`}>{r.title}</span><span><ResolutionStateTag state={r.state} overdue={r.overdue} /></span></div>
            <div className="dl-m-meta">{r.meeting ? `${r.meeting.title} · ` : ''}{fmtDate(r.publishedAt)}</div>
            {r.publicationOpen && <Tag color="red" style={{ marginTop: 4 }}>{t('dl.m.publicUntil', { date: fmtDate(r.publicUntil) })}</Tag>}
          </button>
        ))}
      </Card>
    </>
  );
}

function ResolutionView() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const notify = useNotify();
  const fetched = useFetch<ResolutionDetail>(`/api/resolutions/${id}`);
  const [fresh, setFresh] = useState<ResolutionDetail>();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const r = fresh?.id === id ? fresh : fetched.data;
  if (fetched.error) return <ErrorState error={fetched.error} onRetry={fetched.reload} />;
  if (!r || r.id !== id) return <Loading />;
  const object = async () => {
    setBusy(true);
    try {
      setFresh(await api<ResolutionDetail>(`/api/resolutions/${id}/objections`, { method: 'POST', body: { text: text.trim() } }));
      setText('');
      notify.success(t('dl.m.objected'));
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  };
  const d = r.decision;
  return (
    <>
      <BackTitle title={t('dl.m.resolution')} to="/m/resolutions" />
      <Card size="small" className="gz-m-card" data-testid="m-resolution-detail">
        <div className="dl-m-item-title"><span data-testid="m-resolution-detail-title">{r.title}</span><span><ResolutionStateTag state={r.state} overdue={r.overdue} testId="m-resolution-state" /></span></div>
        <div className="dl-m-body" style={{ marginTop: 8 }} data-testid="m-resolution-text">{r.text}</div>
        {r.meeting && <div className="gz-m-row"><span>{t('dl.resolution.meeting')}</span><span>{r.meeting.title}</span></div>}
        {d && d.votesFor !== null && (
          <div className="gz-m-row"><span>{t('dl.print.decision')}</span><span data-testid="m-resolution-vote">{t('dl.resolution.votes', { for: d.votesFor ?? 0, against: d.votesAgainst ?? 0, abstain: d.votesAbstain ?? 0 })}</span></div>
        )}
        {r.responsibleBody && <div className="gz-m-row"><span>{t('dl.resolution.responsible')}</span><span>{r.responsibleBody.name}</span></div>}
        {r.dueOn && <div className="gz-m-row"><span>{t('dl.resolution.dueOn')}</span><span className={r.overdue ? 'dl-overdue' : undefined}>{r.dueOn}</span></div>}
        {r.publishedAt && (
          <div className="gz-m-row"><span>{t('dl.resolution.publication')}</span><span data-testid="m-resolution-publication">{t('dl.resolution.publicRange', { from: fmtDate(r.publishedAt), to: fmtDate(r.publicUntil) })}</span></div>
        )}
      </Card>
      {r.progress.length > 0 && (
        <Card size="small" className="gz-m-card" title={t('dl.resolution.progressTitle')}>
          {r.progress.map((p) => (
            <div key={p.id} className="dl-m-item" style={{ cursor: 'default' }}>
              <div className="dl-m-meta">{fmtTime(p.at)}{p.final ? ` · ${t('dl.resolution.final')}` : ''}</div>
              <div className="dl-m-body">{p.note}</div>
              {p.photoUrl && <img src={p.photoUrl} alt={t('dl.resolution.photo')} style={{ maxWidth: '100%', borderRadius: 6, marginTop: 4 }} />}
            </div>
          ))}
        </Card>
      )}
      <Card size="small" className="gz-m-card" title={t('dl.resolution.objections', { n: r.objections.length })} data-testid="m-resolution-objections">
        {r.objections.length === 0 && <div className="dl-m-meta">{t('dl.resolution.noObjections')}</div>}
        {r.objections.map((o) => (
          <div key={o.id} className="dl-m-item" style={{ cursor: 'default' }} data-testid={`m-objection-${o.id}`}>
            <div className="dl-m-meta">{o.mine ? t('dl.m.mine') : t('dl.resolution.resident')} · {fmtTime(o.createdAt)}</div>
            <div className="dl-m-body">{o.text}</div>
            {o.answer ? <div className="dl-m-answer" data-testid={`m-objection-answer-${o.id}`}>{t('dl.resolution.answer')}：{o.answer}</div> : <div className="dl-m-meta">{t('dl.m.awaitingAnswer')}</div>}
          </div>
        ))}
        {r.actions.includes('object') && (
          <div style={{ marginTop: 8 }}>
            <Input.TextArea rows={3} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('dl.m.objectionHint')} data-testid="m-objection-text" />
            <Button type="primary" block size="large" style={{ marginTop: 8 }} disabled={!text.trim()} loading={busy} onClick={object} data-testid="m-objection-submit">{t('dl.m.object')}</Button>
          </div>
        )}
        {!r.actions.includes('object') && r.publishedAt && !r.publicationOpen && <div className="dl-m-meta" style={{ marginTop: 8 }}>{t('dl.m.publicationOver')}</div>}
      </Card>
    </>
  );
}

/** /m/resolutions: the community's published resolutions (公示); objections while the publication runs. */
export default function ResolutionRoutes() {
  return (
    <Routes>
      <Route index element={<Board />} />
      <Route path=":id" element={<ResolutionView />} />
    </Routes>
  );
}
