import { useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { fmtTime } from '../shared/Tags';
import type { MinutesEntry, MinutesPrint } from '../shared/types';
import { PrintFrame } from './PrintFrame';

function Entries({ entries }: { entries: MinutesEntry[] }) {
  if (!entries.length) return null;
  return <ol>{entries.map((m) => <li key={m.id}><strong>{m.speaker}</strong>：{m.opinion}</li>)}</ol>;
}

/** 会议纪要: who was there, what each said on each item, how it was decided. */
export default function MinutesPrintPage() {
  const { id = '' } = useParams();
  const { t, tx } = useI18n();
  const { data, error, reload } = useFetch<MinutesPrint>(`/api/meetings/${id}/minutes`);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const m = data.meeting;
  const present = data.participants.filter((p) => p.signedInAt);
  const absent = data.participants.filter((p) => !p.signedInAt && p.voting);
  return (
    <PrintFrame back={`/console/meetings/${id}`} testId="minutes-print">
      <h1>{m.title}</h1>
      <div className="dl-print-sub">{t('dl.print.minutesOf', { kind: tx('dl.kind', m.kind) })}</div>
      <table>
        <tbody>
          <tr><th style={{ width: '18%' }}>{t('dl.meeting.startsAt')}</th><td>{fmtTime(m.startedAt ?? m.startsAt)}</td><th style={{ width: '18%' }}>{t('dl.meeting.place')}</th><td>{m.place}</td></tr>
          <tr><th>{t('dl.meeting.convener')}</th><td>{m.convener?.name ?? ''}</td><th>{t('dl.print.clerk')}</th><td>{m.clerk ?? ''}</td></tr>
          <tr><th>{t('dl.print.quorum')}</th><td colSpan={3}>{t('dl.quorum.text', { present: data.quorum.present, voting: data.quorum.voting, required: data.quorum.required })}</td></tr>
        </tbody>
      </table>
      <h2>{t('dl.print.attendance')}</h2>
      <table data-testid="minutes-print-attendance">
        <thead><tr><th>{t('dl.participants.name')}</th><th>{t('dl.participants.capacity')}</th><th>{t('dl.print.body')}</th><th>{t('dl.print.signIn')}</th></tr></thead>
        <tbody>
          {present.map((p) => (
            <tr key={p.id}><td>{p.name}</td><td>{tx('dl.capacity', p.capacity)}</td><td>{p.bodyName ?? ''}</td><td>{fmtTime(p.signedInAt).slice(11)} {tx('dl.signInMethod', p.signInMethod)}</td></tr>
          ))}
        </tbody>
      </table>
      {absent.length > 0 && <div>{t('dl.print.absent')}：{absent.map((p) => p.name).join('、')}</div>}
      {data.items.map((item) => (
        <section key={item.id} data-testid={`minutes-print-item-${item.id}`}>
          <h2>{t('dl.print.item', { n: item.position })}　{item.agendaItem.title}</h2>
          {item.agendaItem.description && <p className="dl-print-body">{item.agendaItem.description}</p>}
          <Entries entries={item.minutes} />
          <p>
            <strong>{t('dl.print.decision')}</strong>：
            {item.decision
              ? `${tx('dl.method', item.decision.method)}，${t('dl.decision.preview', { for: item.decision.for, against: item.decision.against, abstain: item.decision.abstain, present: item.decision.present })}，${tx('dl.outcome', item.decision.outcome)}`
              : t('dl.items.undecided')}
          </p>
          {item.decision && item.decision.votes.length > 0 && (
            <p>{item.decision.votes.map((v) => `${v.name}（${tx('dl.choice', v.choice)}）`).join('、')}</p>
          )}
        </section>
      ))}
      {data.otherMinutes.length > 0 && (<><h2>{t('dl.minutes.other')}</h2><Entries entries={data.otherMinutes} /></>)}
      {m.summary && (<><h2>{t('dl.meeting.summary')}</h2><p className="dl-print-body">{m.summary}</p></>)}
      <div className="dl-print-sign"><span>{t('dl.print.clerkSign')}</span><span>{t('dl.print.chairSign')}</span></div>
      <div style={{ marginTop: 16, fontSize: 12 }}>{t('dl.print.printedAt', { time: fmtTime(data.printedAt) })}</div>
    </PrintFrame>
  );
}
