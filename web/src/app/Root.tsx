import { App as AntApp, ConfigProvider } from 'antd';
import zh_CN from 'antd/locale/zh_CN';
import en_US from 'antd/locale/en_US';
import { BrowserRouter } from 'react-router-dom';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { I18nProvider, useI18n } from './i18n';
import { AuthProvider } from './auth';
import { AppRoutes } from './routes';
import { useIsMobile } from './useIsMobile';

function Themed() {
  const { lang } = useI18n();
  const isMobile = useIsMobile();
  dayjs.locale(lang === 'en-US' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={lang === 'en-US' ? en_US : zh_CN}
      componentSize={isMobile ? 'large' : 'middle'}
      theme={{ token: { colorPrimary: '#b7181f', borderRadius: 6 } }}
    >
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
