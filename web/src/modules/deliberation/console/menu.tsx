import { ApartmentOutlined, AuditOutlined, CalendarOutlined, FileDoneOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../app/i18n';
import type { Permission, Role } from '../../../app/types';
import { DELIB } from '../shared/types';

interface MenuEntry {
  key: string;
  label: MessageKey;
  icon: React.ReactNode;
  any?: Permission[];
  roles?: Role[];
}

/** Residents and party members propose and read in the phone portal; the console is for those who convene. */
const STAFF: Role[] = ['community_worker', 'community_secretary', 'street_admin', 'district_admin'];

export const DELIBERATION_ENTRIES: MenuEntry[] = [
  { key: '/console/agenda', label: 'nav.agenda', icon: <AuditOutlined />, any: [DELIB.agendaReview, DELIB.agendaRead], roles: STAFF },
  { key: '/console/meetings', label: 'nav.meetings', icon: <CalendarOutlined />, any: [DELIB.meetingRead], roles: STAFF },
  { key: '/console/resolutions', label: 'nav.resolutions', icon: <FileDoneOutlined />, any: [DELIB.resolutionRead], roles: STAFF },
  { key: '/console/cogov', label: 'nav.cogov', icon: <ApartmentOutlined />, any: [DELIB.cogovRead] },
];
