import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { DemandState } from './types';

const COLORS: Record<DemandState, string> = {
  submitted: 'gold', accepted: 'blue', rejected: 'default', assigned: 'geekblue',
  in_progress: 'orange', resolved: 'cyan', closed: 'green', merged: 'default',
};

/** A demand's state as a coloured tag, the same on the console and the portal. */
export function DemandStateTag({ state, testId }: { state: DemandState; testId?: string }) {
  const { tx } = useI18n();
  return <Tag color={COLORS[state]} data-testid={testId} style={{ marginInlineEnd: 0 }}>{tx('demand.state', state)}</Tag>;
}
