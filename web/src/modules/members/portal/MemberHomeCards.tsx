import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { currentPeriod } from '../shared/periods';
import { RegistrationTag } from '../shared/SignupTag';
import { Stars } from '../shared/Stars';
import type { MyPoints, MyRegistrations } from '../shared/types';

/** On a party member's home tab: where their dual registration stands and this year's points. */
export function MemberHomeCards() {
  const { t } = useI18n();
  const reg = useFetch<MyRegistrations>('/api/registrations/mine');
  const points = useFetch<MyPoints>('/api/points/me', { period: currentPeriod('year') });
  const current = reg.data?.current;
  return (
    <div className="gz-m-quick">
      <Link to="/m/registration" className="gz-m-quick-item" data-testid="m-home-registration">
        <span className="gz-m-quick-label">{t('m.reg.title')}</span>
        <span>
          {current ? <RegistrationTag state={current.state} /> : reg.data ? <span className="gz-m-hint">{t('m.reg.notYet')}</span> : null}
          <RightOutlined style={{ color: '#bbb' }} />
        </span>
      </Link>
      <Link to="/m/points" className="gz-m-quick-item" data-testid="m-home-points">
        <span className="gz-m-quick-label">{t('m.points.yearTitle')}</span>
        <span>
          {points.data && <strong style={{ color: '#b7181f', marginInlineEnd: 6 }}>{points.data.balances.year}</strong>}
          {points.data?.level && <Stars level={points.data.level} />}
          <RightOutlined style={{ color: '#bbb' }} />
        </span>
      </Link>
    </div>
  );
}

