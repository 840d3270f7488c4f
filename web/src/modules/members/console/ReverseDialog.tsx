import { api, ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ReasonDialog } from '../../../app/ui/ReasonDialog';
import type { LedgerRow } from './LedgerPanel';

/** Reverses a ledger entry with a reason: a new entry of the opposite points; the original stays. */
export function ReverseDialog({ entry, onClose, onDone }: { entry: LedgerRow | null; onClose: () => void; onDone: () => void }) {
  const { t, tx } = useI18n();
  const send = async (note: string) => {
    try {
      await api(`/api/points/entries/${entry!.id}/reverse`, { method: 'POST', body: { note } });
    } catch (err) {
      // Refused because someone reversed it meanwhile: the list must show that reversal now.
      if (err instanceof ApiError && err.status === 409) onDone();
      throw err;
    }
  };
  return (
    <ReasonDialog open={!!entry} title={t('ledger.reverse')} label={t('ledger.reason')} field="note"
      subject={entry ? t('ledger.reverseText', { name: entry.personName, rule: tx('points.rule', entry.ruleCode), points: entry.points }) : undefined}
      send={send} success={t('ledger.reversed')}
      onClose={onClose} onDone={onDone} submitTestId="ledger-reverse-submit" inputTestId="ledger-reverse-note" />
  );
}
