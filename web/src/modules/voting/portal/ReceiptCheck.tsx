import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { api } from '../../../app/api';
import { useProblemText } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { publicCheckPath } from '../shared/public-check';
import type { ReceiptAnswer } from '../shared/types';

/** Enter a receipt code of this matter: was that ballot counted? Its choice shows only to its owner. */
export function ReceiptCheck({ matterId }: { matterId: string }) {
  const { t } = useI18n();
  const problem = useProblemText();
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const check = async () => {
    try {
      const r = await api<ReceiptAnswer>(`/api/vote-matters/${matterId}/receipt-check`, { method: 'POST', body: { receipt: code } });
      setAnswer({
        ok: true,
        text: r.mine && r.choice ? t('vote.portal.countedMine', { title: r.matterTitle, choice: t(`vote.choice.${r.choice}`) }) : t('vote.portal.counted', { title: r.matterTitle }),
      });
    } catch (err) {
      setAnswer({ ok: false, text: problem(err) });
    }
  };
  return (
    <Card size="small" className="gz-m-card" title={t('vote.portal.check')} data-testid="receipt-check-card">
      <div style={{ color: '#888', fontSize: 13, marginBottom: 8 }}>{t('vote.portal.checkHint')}</div>
      <div style={{ marginBottom: 8 }}>
        <Typography.Link href={publicCheckPath(matterId)} target="_blank" rel="noopener" data-testid="receipt-public-link"
          copyable={{ text: new URL(publicCheckPath(matterId), window.location.origin).href, tooltips: [t('vote.portal.otherDevice'), t('vote.portal.otherDeviceCopied')] }}>
          {t('vote.portal.otherDevice')}
        </Typography.Link>
      </div>
      <Space.Compact block>
        <Input value={code} onChange={(e) => { setCode(e.target.value); setAnswer(null); }} onPressEnter={check} placeholder={t('vote.portal.checkPlaceholder')}
          data-testid="receipt-input" maxLength={20} autoCapitalize="characters" autoComplete="off" />
        <Button onClick={check} disabled={code.trim().length < 8} data-testid="receipt-check">{t('vote.portal.checkGo')}</Button>
      </Space.Compact>
      {answer && <Alert style={{ marginTop: 8 }} type={answer.ok ? 'success' : 'warning'} showIcon message={<span data-testid="receipt-answer">{answer.text}</span>} />}
    </Card>
  );
}
