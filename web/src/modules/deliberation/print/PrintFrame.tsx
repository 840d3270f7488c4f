import type { ReactNode } from 'react';
import { Button } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import './print.css';

/** The sheet and, above it (not printed), the way back and the 打印 button. */
export function PrintFrame({ back, testId, children }: { back: string; testId: string; children: ReactNode }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="dl-print-bg">
      <div className="dl-print-bar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back)}>{t('dl.back')}</Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">{t('dl.print')}</Button>
      </div>
      <article className="dl-print" data-testid={testId}>{children}</article>
    </div>
  );
}
