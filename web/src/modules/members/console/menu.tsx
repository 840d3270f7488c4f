import { BarChartOutlined, CalendarOutlined, FileSearchOutlined, HeartOutlined, SolutionOutlined, TrophyOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../app/i18n';
import type { Permission, Role } from '../../../app/types';

interface MenuEntry {
  key: string;
  label: MessageKey;
  icon: React.ReactNode;
  any?: Permission[];
  roles?: Role[];
}

/** Party members read some of the same data, but in the phone portal; the console is for staff. */
const STAFF: Role[] = ['community_worker', 'community_secretary', 'street_admin', 'district_admin'];

export const MEMBER_ENTRIES: MenuEntry[] = [
  { key: '/console/registrations', label: 'nav.registrations', icon: <SolutionOutlined />, any: ['registration.read', 'unit-registration.read'], roles: [...STAFF, 'unit_liaison'] },
  { key: '/console/activities', label: 'nav.activities', icon: <CalendarOutlined />, any: ['activity.read'], roles: STAFF },
  { key: '/console/wishes', label: 'nav.wishes', icon: <HeartOutlined />, any: ['wish.read'], roles: STAFF },
  { key: '/console/member-rates', label: 'nav.memberRates', icon: <BarChartOutlined />, any: ['registration.stats'], roles: STAFF },
  { key: '/console/points', label: 'nav.points', icon: <TrophyOutlined />, any: ['points.read'], roles: STAFF },
  { key: '/console/workplace', label: 'nav.workplace', icon: <FileSearchOutlined />, any: ['registration.workplace'], roles: ['unit_liaison'] },
];
