import { lazy } from 'react';
import { GiftOutlined, HeartOutlined, TrophyOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../app/i18n';
import './members-portal.css';

export const ServicesTab = lazy(() => import('./ServicesTab'));
export const WishesTab = lazy(() => import('./WishesTab'));
export const PointsTab = lazy(() => import('./PointsTab'));
export const RegistrationPage = lazy(() => import('./RegistrationPage'));
export const CheckinPage = lazy(() => import('./CheckinPage'));
export { MemberHomeCards } from './MemberHomeCards';

export interface PortalTab {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  id: string;
}

/** The portal tabs this module adds: party members serve and earn points, residents post wishes. */
export function memberTabs(roles: { member: boolean; resident: boolean }): PortalTab[] {
  return [
    ...(roles.member ? [{ path: '/m/services', label: 'm.tab.services' as const, icon: <GiftOutlined />, id: 'services' }] : []),
    ...(roles.member || roles.resident ? [{ path: '/m/wishes', label: 'm.tab.wishes' as const, icon: <HeartOutlined />, id: 'wishes' }] : []),
    ...(roles.member ? [{ path: '/m/points', label: 'm.tab.points' as const, icon: <TrophyOutlined />, id: 'points' }] : []),
  ];
}
