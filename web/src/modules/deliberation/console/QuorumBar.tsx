import { Progress, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { Quorum } from '../shared/types';

/** Present voting participants against what the meeting needs to decide. */
export function QuorumBar({ quorum, setting }: { quorum: Quorum; setting: number | null }) {
  const { t } = useI18n();
  const percent = quorum.voting ? Math.round((quorum.present / quorum.voting) * 100) : 0;
  const mark = quorum.voting ? (quorum.required / quorum.voting) * 100 : 0;
  return (
    <div className="dl-quorum" data-testid="meeting-quorum" data-met={quorum.met}>
      <div className="dl-quorum-text">
        <span data-testid="meeting-quorum-text">{t('dl.quorum.text', { present: quorum.present, voting: quorum.voting, required: quorum.required })}</span>
        <Tag color={quorum.met ? 'green' : 'orange'} data-testid="meeting-quorum-met">{quorum.met ? t('dl.quorum.met') : t('dl.quorum.notMet')}</Tag>
      </div>
      <div className="dl-row-meta" data-testid="meeting-quorum-setting" data-setting={setting ?? ''}>
        {setting === null ? t('dl.quorum.settingHalf') : t('dl.quorum.setting', { n: setting })}
      </div>
      <div className="dl-quorum-bar">
        <Progress percent={percent} showInfo={false} strokeColor={quorum.met ? '#389e0d' : '#d48806'} />
        {quorum.voting > 0 && <span className="dl-quorum-mark" style={{ left: `${Math.min(100, mark)}%` }} title={t('dl.quorum.required', { n: quorum.required })} />}
      </div>
    </div>
  );
}
