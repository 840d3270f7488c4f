import { Button } from 'antd';
import { FormOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';

/** The prominent way in for those whose tab bar has no room for 诉求 (party members), and a shortcut on everyone's home tab. */
export function ReportEntry({ testId = 'm-demand-entry' }: { testId?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="gz-dm-entry" data-testid={testId}>
      <div className="gz-dm-entry-text">
        <div className="gz-dm-entry-title">{t('m.demand.report')}</div>
        <div className="gz-dm-entry-hint">{t('m.demand.reportHint')}</div>
      </div>
      <Button type="primary" size="large" icon={<FormOutlined />} onClick={() => navigate('/m/demands/new')} data-testid={`${testId}-report`}>
        {t('m.demand.report')}
      </Button>
      <Link to="/m/demands" className="gz-dm-entry-mine" data-testid={`${testId}-mine`}>
        {t('m.demand.view.mine')} <RightOutlined />
      </Link>
    </div>
  );
}
