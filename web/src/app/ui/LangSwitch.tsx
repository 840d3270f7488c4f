import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n, type Lang } from '../i18n';

/** Language names are written in their own language, whatever the current one is. */
const AUTONYMS: Record<Lang, string> = { 'zh-CN': '中文', 'en-US': 'English' };

export function LangSwitch({ compact }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Select<Lang>
      data-testid="lang-switch"
      aria-label={t('app.language')}
      value={lang}
      onChange={setLang}
      prefix={compact ? undefined : <GlobalOutlined aria-hidden />}
      style={{ width: compact ? 96 : 124 }}
      options={(Object.keys(AUTONYMS) as Lang[]).map((l) => ({ value: l, label: AUTONYMS[l] }))}
    />
  );
}
