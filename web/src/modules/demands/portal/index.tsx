import { lazy } from 'react';
import { AlertOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../app/i18n';
import './demands-portal.css';

export const DemandRoutes = lazy(() => import('./DemandRoutes'));
export { ReportEntry } from './ReportEntry';
export type { PortalPlace } from './types';

/**
 * The 诉求 tab, for residents: a party member's bar already holds five tabs, so members reach
 * 我要反映 from the home tab and from 我的 instead.
 */
export function demandTabs(roles: { member: boolean; reporter: boolean }): { path: string; label: MessageKey; icon: React.ReactNode; id: string }[] {
  return roles.reporter && !roles.member ? [{ path: '/m/demands', label: 'm.tab.demands', icon: <AlertOutlined />, id: 'demands' }] : [];
}

/** Notices about a demand name its console page; a resident follows their own in the portal instead. */
export function portalLink(link: string): string {
  return link.replace(/^\/console\/demands\/([0-9a-f-]+)$/i, '/m/demands/$1');
}
