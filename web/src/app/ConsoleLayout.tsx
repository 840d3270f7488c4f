import { useMemo, useState } from 'react';
import { Button, Drawer, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined, ApiOutlined, HomeOutlined, AuditOutlined, BarChartOutlined, CloudUploadOutlined, LogoutOutlined,
  MenuOutlined, MobileOutlined, SafetyOutlined, SettingOutlined, TeamOutlined, UserOutlined, UsergroupAddOutlined,
} from '@ant-design/icons';
import { MEMBER_ENTRIES } from '../modules/members/console/menu';
import { DEMAND_ENTRIES } from '../modules/demands/console/menu';
import { CHARTER_MEDIATION_ENTRIES } from '../modules/charters/console/menu';
import { DELIBERATION_ENTRIES } from '../modules/deliberation/console/menu';
import { VOTING } from '../modules/voting/shared/types';
import { NotificationBell } from '../modules/notifications';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useSession } from './auth';
import { useI18n, type MessageKey } from './i18n';
import { useIsMobile } from './useIsMobile';
import { LangSwitch } from './ui/LangSwitch';
import type { Permission, Role } from './types';

interface Entry {
  key: string;
  label: MessageKey;
  icon: React.ReactNode;
  any?: Permission[];
  roles?: Role[];
}

const ENTRIES: Entry[] = [
  { key: '/console/overview', label: 'nav.overview', icon: <BarChartOutlined aria-hidden />, any: ['stats.read'] },
  { key: '/console/territory', label: 'nav.territory', icon: <ApartmentOutlined aria-hidden />, any: ['territory.read'] },
  { key: '/console/bodies', label: 'nav.bodies', icon: <TeamOutlined aria-hidden />, any: ['body.read'] },
  { key: '/console/people', label: 'nav.people', icon: <UserOutlined aria-hidden />, any: ['person.read'] },
  { key: '/console/import', label: 'nav.import', icon: <CloudUploadOutlined aria-hidden />, any: ['person.import', 'territory.import'] },
  { key: '/console/accounts', label: 'nav.accounts', icon: <UsergroupAddOutlined aria-hidden />, any: ['account.manage'] },
  { key: '/console/audit', label: 'nav.audit', icon: <AuditOutlined aria-hidden />, any: ['audit.read'] },
  ...DEMAND_ENTRIES,
  ...DELIBERATION_ENTRIES,
  ...MEMBER_ENTRIES,
  { key: '/console/estates', label: 'nav.estates', icon: <HomeOutlined aria-hidden />, any: [VOTING.read] },
  ...CHARTER_MEDIATION_ENTRIES,
  { key: '/console/system', label: 'nav.system', icon: <SettingOutlined aria-hidden />, any: ['system.read'] },
  { key: '/console/open311-keys', label: 'nav.open311Keys', icon: <ApiOutlined aria-hidden />, any: ['open311.keys'] },
  { key: '/console/security', label: 'nav.security', icon: <SafetyOutlined aria-hidden /> },
  { key: '/m', label: 'nav.portal', icon: <MobileOutlined aria-hidden />, roles: ['resident', 'party_member'] },
];

function navTestId(key: string) {
  return `nav-${key.split('/').filter(Boolean).pop()}`;
}

export function ConsoleLayout() {
  const { t, tx } = useI18n();
  const session = useSession();
  const { can, hasRole, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items: MenuProps['items'] = useMemo(
    () =>
      ENTRIES.filter((e) => (!e.any || e.any.some(can)) && (!e.roles || hasRole(...e.roles))).map((e) => ({
        key: e.key,
        icon: e.icon,
        label: <span data-testid={navTestId(e.key)}>{t(e.label)}</span>,
      })),
    [can, hasRole, t],
  );
  const selected = ENTRIES.map((e) => e.key).filter((k) => location.pathname.startsWith(k));

  const primary = session.grants[0];
  const grantText = primary ? `${tx('role', primary.role)} · ${primary.territoryName}` : '';
  const allGrants = session.grants.map((g) => `${tx('role', g.role)} · ${g.territoryName}`).join('\n');

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 0 }}
      aria-label={t('app.menu')}
    />
  );

  const brand = (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, fontWeight: 700, fontSize: 18, color: '#b7181f', whiteSpace: 'nowrap' }}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {t('app.name')}
    </div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isMobile && (
        <Layout.Sider width={208} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }} data-testid="side-menu">
          <div style={{ padding: '16px 20px' }}>{brand}</div>
          {menu}
        </Layout.Sider>
      )}
      {isMobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={brand}
          styles={{ body: { padding: 0 } }}
          data-testid="menu-drawer"
        >
          <div style={{ padding: '12px 20px', borderBottom: '1px solid #f0f0f0' }}>
            <div style={{ fontWeight: 600 }}>{session.account.displayName}</div>
            <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'pre-line' }}>{allGrants}</Typography.Text>
          </div>
          {menu}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: '#fff', padding: isMobile ? '0 8px' : '0 24px', display: 'flex', alignItems: 'center',
            gap: 12, borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10, height: 56, lineHeight: '56px',
          }}
        >
          {isMobile && (
            <>
              <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label={t('app.menu')} data-testid="menu-toggle" onClick={() => setDrawerOpen(true)} style={{ width: 44, height: 44 }} />
              {brand}
            </>
          )}
          <div style={{ flex: 1 }} />
          {!isMobile && (
            <Space size={12} style={{ minWidth: 0 }}>
              <span data-testid="user-name" style={{ fontWeight: 600 }}>{session.account.displayName}</span>
              {primary && (
                <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{allGrants}</span>}>
                  <Tag color="red" data-testid="user-grant" style={{ maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {grantText}
                    {session.grants.length > 1 ? ` +${session.grants.length - 1}` : ''}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          )}
          <NotificationBell />
          <LangSwitch compact={isMobile} />
          <Button
            icon={<LogoutOutlined aria-hidden />}
            onClick={onLogout}
            data-testid="logout"
            aria-label={t('auth.logout')}
            type={isMobile ? 'text' : 'default'}
            style={isMobile ? { width: 44, height: 44 } : undefined}
          >
            {isMobile ? null : t('auth.logout')}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
