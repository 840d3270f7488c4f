import { lazy } from 'react';
import { Card } from 'antd';
import { BellOutlined, FileProtectOutlined, FormOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { DELIB } from '../shared/types';
import './deliberation-portal.css';

export const PortalAgendaRoutes = lazy(() => import('./AgendaRoutes'));
export const PortalMeetingRoutes = lazy(() => import('./MeetingRoutes'));
export const PortalResolutionRoutes = lazy(() => import('./ResolutionRoutes'));
export const MeetingCheckinPage = lazy(() => import('./MeetingCheckinPage'));

/** 议事协商 on the home tab: propose an item, read meeting notices, read what was resolved. */
export function DeliberationEntry() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const entries = [
    can(DELIB.agendaPropose) && { to: '/m/agenda', icon: <FormOutlined />, label: t('dl.m.propose'), id: 'agenda' },
    can(DELIB.meetingRead) && { to: '/m/meetings', icon: <BellOutlined />, label: t('dl.m.notices'), id: 'meetings' },
    can(DELIB.resolutionRead) && { to: '/m/resolutions', icon: <FileProtectOutlined />, label: t('dl.m.resolutions'), id: 'resolutions' },
  ].filter((e) => e !== false);
  if (!entries.length) return null;
  return (
    <Card size="small" className="gz-m-card" title={t('dl.m.title')} data-testid="m-home-deliberation">
      <div className="dl-m-entries">
        {entries.map((e) => (
          <button key={e.id} type="button" className="dl-m-entry" onClick={() => navigate(e.to)} data-testid={`m-deliberation-${e.id}`}>
            <span className="dl-m-entry-icon">{e.icon}</span>
            <span>{e.label}</span>
          </button>
        ))}
      </div>
    </Card>
  );
}
