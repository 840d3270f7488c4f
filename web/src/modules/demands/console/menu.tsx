import { AlertOutlined, FormOutlined, LineChartOutlined, ToolOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../app/i18n';
import type { Permission, Role } from '../../../app/types';

interface MenuEntry {
  key: string;
  label: MessageKey;
  icon: React.ReactNode;
  any?: Permission[];
  roles?: Role[];
}

/** Residents and party members follow their own demands in the phone portal; the console is for those who handle them. */
const HANDLERS: Role[] = ['grid_worker', 'deputy', 'community_worker', 'community_secretary', 'street_admin', 'district_admin'];

export const DEMAND_ENTRIES: MenuEntry[] = [
  { key: '/console/demands', label: 'nav.demands', icon: <AlertOutlined />, any: ['demand.read'], roles: HANDLERS },
  { key: '/console/demands/new', label: 'nav.demandNew', icon: <FormOutlined />, any: ['demand.report'], roles: ['grid_worker', 'deputy', 'community_worker', 'community_secretary'] },
  { key: '/console/demand-stats', label: 'nav.demandStats', icon: <LineChartOutlined />, any: ['demand.stats'] },
  { key: '/console/demand-settings', label: 'nav.demandSettings', icon: <ToolOutlined />, any: ['demand.configure'] },
];
