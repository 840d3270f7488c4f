import { useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtDate, fmtTime } from '../shared/Tags';
import type { ResolutionDetail } from '../shared/types';
import { PrintFrame } from './PrintFrame';

/** 决议: the text as adopted, the vote behind it, who carries it out and by when — for the notice board. */
export default function ResolutionPrintPage() {
  const { id = '' } = useParams();
  const { t, tx } = useI18n();
  const { data: r, error, reload } = useFetch<ResolutionDetail>(`/api/resolutions/${id}`);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!r) return <Loading />;
  const d = r.decision;
  return (
    <PrintFrame back={`/console/resolutions/${id}`} testId="resolution-print">
      <h1 data-testid="resolution-print-title">{r.title}</h1>
      <div className="dl-print-sub">{r.community.name}{r.meeting ? ` · ${r.meeting.title}` : ''}</div>
      <p className="dl-print-body" data-testid="resolution-print-text">{r.text}</p>
      <table>
        <tbody>
          {r.meeting && (
            <tr><th style={{ width: '22%' }}>{t('dl.resolution.meeting')}</th><td>{r.meeting.title}（{tx('dl.kind', r.meeting.kind)}，{fmtTime(r.meeting.startsAt)}{r.meeting.place ? `，${r.meeting.place}` : ''}）</td></tr>
          )}
          {d && d.votesFor !== null && (
            <tr><th>{t('dl.print.decision')}</th><td>{d.method ? tx('dl.method', d.method) : ''} {t('dl.resolution.votes', { for: d.votesFor ?? 0, against: d.votesAgainst ?? 0, abstain: d.votesAbstain ?? 0 })}，{tx('dl.outcome', d.outcome)}</td></tr>
          )}
          <tr><th style={{ width: '22%' }}>{t('dl.resolution.responsible')}</th><td>{r.responsibleBody?.name ?? ''}</td></tr>
          <tr><th>{t('dl.resolution.dueOn')}</th><td>{r.dueOn ?? ''}</td></tr>
          {r.publishedAt && <tr><th>{t('dl.resolution.publication')}</th><td>{t('dl.resolution.publicRange', { from: fmtDate(r.publishedAt), to: fmtDate(r.publicUntil) })}</td></tr>}
        </tbody>
      </table>
      <div className="dl-print-sign"><span>{r.community.name}</span><span>{fmtDate(r.publishedAt ?? r.createdAt)}</span></div>
    </PrintFrame>
  );
}
