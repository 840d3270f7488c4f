import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { VenueScreen } from '../../../app/ui/VenueScreen';
import type { Activity } from '../shared/types';

/** 现场签到码 of an activity: members scan it to check in, and again to check out. */
export default function VenuePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const activity = useFetch<Activity>(`/api/activities/${id}`);
  const a = activity.data;
  return (
    <VenueScreen
      codePath={`/api/activities/${id}/qr`}
      title={a?.title ?? ''}
      sub={a ? `${a.territoryName}${a.place ? ` · ${a.place}` : ''}` : ''}
      hint={t('venue.hint')}
      onClose={() => navigate(`/console/activities/${id}`)}
    />
  );
}
