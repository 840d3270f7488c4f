import { Button, Result } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import type { DemandDetail } from '../shared/types';

/** After 我要反映: the demand's number to quote, and whether every photo went up. */
export default function SubmittedPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const failed = (useLocation().state as { failed?: number } | null)?.failed ?? 0;
  const { data, error, reload } = useFetch<DemandDetail>(`/api/demands/${id}`);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <div className="gz-m-card gz-dm-done">
      <Result
        status={failed ? 'warning' : 'success'}
        title={t('m.demand.submitted')}
        subTitle={
          <>
            <div className="gz-dm-done-label">{t('m.demand.number')}</div>
            <div className="gz-dm-done-no gz-mono" data-testid="m-demand-submitted-no">{data.no}</div>
            <div>{t('m.demand.submittedText')}</div>
            {failed > 0 && <div className="gz-dm-error" data-testid="m-demand-photo-failed">{t('m.demand.photoFailed', { count: failed })}</div>}
          </>
        }
        extra={[
          <Button key="view" type="primary" size="large" block onClick={() => navigate(`/m/demands/${data.id}`, { replace: true })}
            data-testid="m-demand-submitted-view">
            {t('m.demand.viewDetail')}
          </Button>,
          <Button key="list" size="large" block style={{ marginTop: 8, marginInlineStart: 0 }} onClick={() => navigate('/m/demands', { replace: true })}>
            {t('m.demand.backToList')}
          </Button>,
        ]}
      />
    </div>
  );
}
