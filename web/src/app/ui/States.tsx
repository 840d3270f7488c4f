import { Button, Result, Spin } from 'antd';
import { useProblemText } from '../feedback';
import { useI18n } from '../i18n';
import { ApiError } from '../api';

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="gz-center" role="status" aria-label={t('app.loading')}>
      <Spin />
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useProblemText()(error);
  const status = error instanceof ApiError && (error.status === 403 || error.status === 404) ? error.status : 'error';
  return (
    <Result
      status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
      subTitle={<span data-testid="error-state">{text}</span>}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
