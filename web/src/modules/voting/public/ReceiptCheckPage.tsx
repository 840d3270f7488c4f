import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Tag } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useProblemText } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { LangSwitch } from '../../../app/ui/LangSwitch';
import type { ReceiptAnswer } from '../shared/types';

type Outcome = { kind: 'counted'; r: ReceiptAnswer } | { kind: 'unknown' | 'error'; text: string };

/**
 * 核验表决回执, without logging in: an owner (or whoever holds the code) enters a receipt code and
 * learns that the ballot was counted, with the matter and estate it was cast in. The choice shows
 * only to its owner when logged in on this device.
 */
export default function ReceiptCheckPage() {
  const { matterId = '' } = useParams();
  const { t } = useI18n();
  const { session } = useAuth();
  const problem = useProblemText();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const ready = code.trim().length >= 8;

  const check = async () => {
    if (!ready || busy) return;
    setBusy(true);
    try {
      const r = await api<ReceiptAnswer>(`/api/vote-matters/${encodeURIComponent(matterId)}/receipt-check`, { method: 'POST', body: { receipt: code }, allow401: true });
      setOutcome({ kind: 'counted', r });
    } catch (err) {
      const unknown = err instanceof ApiError && err.status === 404;
      setOutcome({ kind: unknown ? 'unknown' : 'error', text: unknown ? t('vote.public.unknown') : problem(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      data-testid="public-receipt-page"
      style={{
        minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '68px 16px 24px',
        background: 'linear-gradient(180deg, #b7181f 0, #b7181f 196px, #f3f4f6 196px)', boxSizing: 'border-box', position: 'relative',
      }}
    >
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LangSwitch compact />
      </div>
      <div style={{ color: '#fff', textAlign: 'center', marginBottom: 16 }}>
        <h1 style={{ margin: 0, fontSize: 22 }}>{t('vote.public.title')}</h1>
        <div style={{ opacity: 0.9, fontSize: 13 }}>{t('app.name')}</div>
      </div>
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <div style={{ color: '#666', fontSize: 13, marginBottom: 12 }}>{t('vote.public.hint')}</div>
        <Input
          value={code}
          onChange={(e) => { setCode(e.target.value); setOutcome(null); }}
          onPressEnter={check}
          placeholder={t('vote.portal.checkPlaceholder')}
          aria-label={t('vote.public.codeLabel')}
          size="large"
          className="gz-mono"
          maxLength={20}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          data-testid="public-receipt-input"
        />
        <Button type="primary" size="large" block style={{ marginTop: 12 }} onClick={check} loading={busy} disabled={!ready} data-testid="public-receipt-check">
          {t('vote.portal.checkGo')}
        </Button>
        {outcome?.kind === 'counted' && (
          <div style={{ marginTop: 16 }} data-testid="public-receipt-answer" data-outcome="counted">
            <Alert type="success" showIcon icon={<CheckCircleFilled />} title={t('vote.public.counted')}
              description={outcome.r.mine && outcome.r.choice ? t('vote.public.mine', { choice: t(`vote.choice.${outcome.r.choice}`) }) : t('vote.public.secret')} />
            <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('vote.public.matter')}><span data-testid="public-receipt-matter" style={{ wordBreak: 'break-word' }}>{outcome.r.matterTitle}</span></Descriptions.Item>
              <Descriptions.Item label={t('vote.public.estate')}><span data-testid="public-receipt-estate">{outcome.r.estateName}</span></Descriptions.Item>
              <Descriptions.Item label={t('vote.public.state')}>
                {outcome.r.matterState === 'open' ? <Tag color="blue">{t('vote.state.open')}</Tag> : <Tag>{t('vote.state.closed')}</Tag>}
              </Descriptions.Item>
            </Descriptions>
          </div>
        )}
        {outcome && outcome.kind !== 'counted' && (
          <Alert style={{ marginTop: 16 }} type={outcome.kind === 'unknown' ? 'warning' : 'error'} showIcon
            title={<span data-testid="public-receipt-answer" data-outcome={outcome.kind}>{outcome.text}</span>} />
        )}
        <div style={{ marginTop: 16, fontSize: 13, color: '#888' }}>
          {session
            ? <Link to={`/m/votes/${matterId}`} data-testid="public-receipt-portal">{t('vote.public.toPortal')}</Link>
            : <>{t('vote.public.loginHint')} <Link to="/login" state={{ from: `/m/votes/${matterId}` }} data-testid="public-receipt-login">{t('vote.public.login')}</Link></>}
        </div>
      </Card>
    </div>
  );
}
