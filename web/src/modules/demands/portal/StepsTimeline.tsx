import { Timeline } from 'antd';
import { useI18n } from '../../../app/i18n';
import { fmtTime } from '../shared/format';
import type { DemandStep } from '../shared/types';

const COLORS: Record<string, string> = { reject: 'gray', resolve: 'green', close: 'green', reopen: 'red', whistle: 'red', escalate: 'red' };

/** The public steps of a demand, oldest first: what happened, who did it and when, and their note. */
export function StepsTimeline({ steps }: { steps: DemandStep[] }) {
  const { tx } = useI18n();
  return (
    <Timeline
      data-testid="m-demand-steps"
      className="gz-dm-steps"
      items={steps.map((s) => ({
        key: s.id,
        color: COLORS[s.action] ?? 'blue',
        content: (
          <div data-testid={`m-demand-step-${s.action}`}>
            <div className="gz-dm-step-head">
              <strong>{tx('m.demand.step', s.action)}</strong>
              <span className="gz-dm-step-time">{fmtTime(s.at)}</span>
            </div>
            <div className="gz-m-meta">{s.actorName}</div>
            {s.note && <div className="gz-m-desc">{s.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
