import { useState } from 'react';
import { Alert, Button, Card, Input, Radio } from 'antd';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import type { DemandDetail, DemandRating } from '../shared/types';

export const RATINGS: DemandRating[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

/** Rating a resolved demand; unsatisfied sends it back to be handled once more (once only). */
export function RateCard({ demand, onRated }: { demand: DemandDetail; onRated: (d: DemandDetail) => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [rating, setRating] = useState<DemandRating>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (!rating) return;
    setBusy(true);
    try {
      const d = await api<DemandDetail>(`/api/demands/${demand.id}/rate`, { method: 'POST', body: { rating, comment: comment.trim() || undefined } });
      notify.success(t('m.demand.rated'));
      onRated(d);
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" className="gz-m-card gz-dm-rate" title={t('m.demand.rate')} data-testid="m-demand-rate">
      <div className="gz-m-hint" style={{ marginBottom: 8 }}>{t('m.demand.rateHint')}</div>
      <Radio.Group value={rating} onChange={(e) => setRating(e.target.value)} optionType="button" buttonStyle="solid" block
        className="gz-dm-rating-options">
        {RATINGS.map((r) => (
          <Radio.Button key={r} value={r}><span data-testid={`m-demand-rate-${r}`}>{t(`m.demand.rating.${r}`)}</span></Radio.Button>
        ))}
      </Radio.Group>
      {rating === 'unsatisfied' && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="m-demand-rate-unsatisfied-note"
          title={demand.reopenCount > 0 ? t('m.demand.rateUnsatisfiedFinal') : t('m.demand.rateUnsatisfiedNote')} />
      )}
      <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={500} showCount
        placeholder={t('m.demand.rateComment')} style={{ marginTop: 8 }} data-testid="m-demand-rate-comment" />
      <Button type="primary" block size="large" disabled={!rating} loading={busy} onClick={send} style={{ marginTop: 8 }}
        data-testid="m-demand-rate-submit">
        {t('m.demand.rateSubmit')}
      </Button>
    </Card>
  );
}
