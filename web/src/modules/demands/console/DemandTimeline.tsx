import { Empty, Timeline } from 'antd';
import { useI18n } from '../../../app/i18n';
import { fmtTime } from '../shared/format';
import type { DemandStep } from '../shared/types';

const COLORS: Record<string, string> = { reject: 'red', whistle: 'red', escalate: 'red', resolve: 'green', close: 'green', rate: 'green', note: 'gray', remind: 'gray' };

/** Every step of the demand, oldest first: what was done, by whom, when, and what they wrote. */
export function DemandTimeline({ steps }: { steps: DemandStep[] }) {
  const { t, tx } = useI18n();
  if (!steps.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const detail = (s: DemandStep) => {
    const d = s.data ?? {};
    const parts: string[] = [];
    if (typeof d.bodyName === 'string') parts.push(t('dc.step.to', { name: d.bodyName }));
    if (typeof d.toLevel === 'string') parts.push(t('dc.step.toLevel', { level: tx('demand.level', d.toLevel) }));
    if (typeof d.channel === 'string') parts.push(tx('demand.channel', d.channel));
    if (typeof d.dueAt === 'string') parts.push(t('dc.dueShort', { due: fmtTime(d.dueAt) }));
    if (typeof d.intoNo === 'string') parts.push(t('dc.step.into', { no: d.intoNo }));
    if (typeof d.rating === 'string') parts.push(tx('demand.rating', d.rating));
    return parts.join(' · ');
  };
  /** A photo an Open311 client linked to (only web addresses are kept); opened elsewhere, never loaded here. */
  const mediaUrl = (s: DemandStep) => {
    const url = s.data?.mediaUrl;
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  };
  return (
    <Timeline
      data-testid="demand-timeline"
      items={steps.map((s) => ({
        key: s.id,
        color: COLORS[s.action] ?? 'blue',
        content: (
          <div data-testid={`demand-step-${s.action}`}>
            <div>
              <strong>{tx('demand.step', s.action)}</strong>
              {s.toState && s.toState !== s.fromState && tx('demand.state', s.toState) !== tx('demand.step', s.action) && (
                <span style={{ color: '#888' }}> → {tx('demand.state', s.toState)}</span>
              )}
            </div>
            <div style={{ color: '#888', fontSize: 12 }}>{s.actorName} · {fmtTime(s.at)}</div>
            {detail(s) && <div style={{ fontSize: 13 }}>{detail(s)}</div>}
            {mediaUrl(s) && (
              <div style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                <a href={mediaUrl(s)!} target="_blank" rel="noopener noreferrer nofollow" data-testid="demand-step-media-url">{t('dc.step.mediaUrl')}</a>
              </div>
            )}
            {s.note && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', background: s.action === 'note' ? '#fafafa' : undefined }}>{s.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
