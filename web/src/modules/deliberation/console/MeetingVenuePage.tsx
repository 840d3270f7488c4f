import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { VenueScreen } from '../../../app/ui/VenueScreen';
import { fmtTime } from '../shared/Tags';
import type { MeetingDetail } from '../shared/types';

/** The meeting's sign-in code on the venue screen: participants scan it with their phones. */
export default function MeetingVenuePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: meeting, reload } = useFetch<MeetingDetail>(`/api/meetings/${id}`);
  // The count of those signed in follows the room as people scan.
  useEffect(() => {
    const timer = window.setInterval(reload, 10_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  return (
    <VenueScreen
      codePath={`/api/meetings/${id}/code`}
      urlOf={(code) => `/m/meeting-checkin?meeting=${id}&code=${encodeURIComponent(code)}`}
      title={meeting?.title ?? ''}
      sub={meeting ? [fmtTime(meeting.startsAt), meeting.place].filter(Boolean).join(' · ') : ''}
      hint={t('dl.venue.hint')}
      showCode
      onClose={() => navigate(`/console/meetings/${id}`)}
    >
      {meeting && (
        <div className="gz-venue-expiry" data-testid="venue-present">
          {t('dl.quorum.text', { present: meeting.quorum.present, voting: meeting.quorum.voting, required: meeting.quorum.required })}
        </div>
      )}
    </VenueScreen>
  );
}
