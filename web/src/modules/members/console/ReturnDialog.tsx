import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ReasonDialog } from '../../../app/ui/ReasonDialog';

/** Returns a registration to the member (or unit) with a reason they will read. */
export function ReturnDialog({ path, subject, onClose, onDone }: { path: string | null; subject: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <ReasonDialog open={!!path} title={t('reg.return')} subject={subject} label={t('wish.reason')}
      send={(reason) => api(path!, { method: 'POST', body: { reason } })}
      onClose={onClose} onDone={onDone} submitTestId="reg-return-submit" inputTestId="reg-return-reason" />
  );
}
