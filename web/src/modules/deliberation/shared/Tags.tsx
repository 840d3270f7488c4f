import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n';
import type { AgendaState, MeetingState, ResolutionState } from './types';

export const fmtTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
export const fmtDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '');

const AGENDA_COLOURS: Record<AgendaState, string> = {
  proposed: 'gold', accepted: 'green', returned: 'red', merged: 'default', scheduled: 'blue', decided: 'purple', withdrawn: 'default',
};
const MEETING_COLOURS: Record<MeetingState, string> = {
  draft: 'default', noticed: 'blue', in_progress: 'green', closed: 'purple', cancelled: 'default',
};
const RESOLUTION_COLOURS: Record<ResolutionState, string> = {
  draft: 'default', published: 'blue', in_progress: 'gold', done: 'green', withdrawn: 'default',
};

export function AgendaStateTag({ state, testId }: { state: AgendaState; testId?: string }) {
  const { tx } = useI18n();
  return <Tag color={AGENDA_COLOURS[state]} data-testid={testId} data-state={state}>{tx('dl.agendaState', state)}</Tag>;
}

export function MeetingStateTag({ state, testId }: { state: MeetingState; testId?: string }) {
  const { tx } = useI18n();
  return <Tag color={MEETING_COLOURS[state]} data-testid={testId} data-state={state}>{tx('dl.meetingState', state)}</Tag>;
}

export function ResolutionStateTag({ state, overdue, testId }: { state: ResolutionState; overdue?: boolean; testId?: string }) {
  const { t, tx } = useI18n();
  return (
    <>
      <Tag color={RESOLUTION_COLOURS[state]} data-testid={testId} data-state={state}>{tx('dl.resolutionState', state)}</Tag>
      {overdue && <Tag color="red" data-testid={testId ? `${testId}-overdue` : undefined}>{t('dl.overdue')}</Tag>}
    </>
  );
}
