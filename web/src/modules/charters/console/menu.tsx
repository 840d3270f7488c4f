import { FileTextOutlined, TeamOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../app/i18n';
import type { Permission } from '../../../app/types';

interface MenuEntry {
  key: string;
  label: MessageKey;
  icon: React.ReactNode;
  any?: Permission[];
}

export const CHARTER_MEDIATION_ENTRIES: MenuEntry[] = [
  { key: '/console/charters', label: 'nav.charters', icon: <FileTextOutlined />, any: ['charter.read'] },
  { key: '/console/mediation', label: 'nav.mediation', icon: <TeamOutlined />, any: ['mediation.read'] },
];
