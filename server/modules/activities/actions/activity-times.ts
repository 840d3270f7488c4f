import { invalid } from '../../../core/errors.ts';

/** An activity ends after it starts, and members can no longer cancel once it has begun. */
export function checkTimes(startsAt: Date, endsAt: Date, cancelDeadline: Date) {
  if (endsAt <= startsAt) throw invalid('endsAt', 'activity.endsBeforeStart');
  if (cancelDeadline > startsAt) throw invalid('cancelDeadline', 'activity.deadlineAfterStart');
}
