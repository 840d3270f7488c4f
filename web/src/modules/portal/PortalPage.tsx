import { Suspense } from 'react';
import { Button, Card, Empty, List, Tag, Typography } from 'antd';
import { HomeOutlined, TeamOutlined, UserOutlined, LogoutOutlined, RightOutlined } from '@ant-design/icons';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { LangSwitch } from '../../app/ui/LangSwitch';
import { ErrorState, Loading } from '../../app/ui/States';
import type { BodyRow } from '../../app/types';
import { usePortalData, type PortalData } from './usePortalData';
import { CheckinPage, MemberHomeCards, memberTabs, PointsTab, RegistrationPage, ServicesTab, WishesTab } from '../members/portal';
import { demandTabs, DemandRoutes, portalLink, ReportEntry, type PortalPlace } from '../demands/portal';
import { NotificationBell } from '../notifications';
import { OwnerMatterPage, OwnerVotesEntry, OwnerVotesPage } from '../voting/portal';
import { CharterEntry, CharterRoutes } from '../charters/portal';
import { DeliberationEntry, MeetingCheckinPage, PortalAgendaRoutes, PortalMeetingRoutes, PortalResolutionRoutes } from '../deliberation/portal';
import './portal.css';

function BodiesList({ bodies }: { bodies: BodyRow[] }) {
  const { t, tx } = useI18n();
  if (!bodies.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bodies.none')} />;
  return (
    <List
      dataSource={bodies}
      data-testid="portal-bodies"
      renderItem={(b) => (
        <List.Item style={{ paddingInline: 0 }}>
          <List.Item.Meta title={b.name} description={tx('body', b.kind)} />
          <span style={{ color: '#888' }}>{t('bodies.memberCount')} {b.memberCount}</span>
        </List.Item>
      )}
    />
  );
}

function Household({ data }: { data: PortalData }) {
  const { t } = useI18n();
  const h = data.person?.household;
  return (
    <Card title={t('portal.household')} size="small" className="gz-m-card" data-testid="portal-household">
      {h ? (
        <>
          <div style={{ marginBottom: 8 }}>{[h.address, h.address?.includes(h.room) ? null : h.room].filter(Boolean).join(' ')}</div>
          <List size="small" dataSource={h.members} renderItem={(m) => (
            <List.Item><span>{m.name}</span><span style={{ color: '#888' }}>{m.relation}</span></List.Item>
          )} />
        </>
      ) : data.grant?.territoryKind === 'building' ? (
        <div>{data.grant.territoryName}</div>
      ) : (
        <Typography.Text type="secondary">{t('portal.noHousehold')}</Typography.Text>
      )}
    </Card>
  );
}

function MyInfo({ data }: { data: PortalData }) {
  const { t, tx } = useI18n();
  const session = useSession();
  const p = data.person;
  return (
    <Card title={t('portal.myInfo')} size="small" className="gz-m-card" data-testid="portal-my-info">
      <div className="gz-m-row"><span>{t('people.col.name')}</span><strong>{p?.name ?? session.account.displayName}</strong></div>
      {p && <div className="gz-m-row"><span>{t('people.col.phone')}</span><span className="gz-mono">{p.phone}</span></div>}
      {p && <div className="gz-m-row"><span>{t('people.col.idNumber')}</span><span className="gz-mono">{p.idNumber}</span></div>}
      {p?.partyOrg && <div className="gz-m-row"><span>{t('people.partyOrg')}</span><span>{p.partyOrg.name}</span></div>}
      <div className="gz-m-row">
        <span>{t('security.roles')}</span>
        <span>{session.grants.map((g) => <Tag key={g.id} color="red" style={{ marginInlineEnd: 4 }}>{tx('role', g.role)}</Tag>)}</span>
      </div>
    </Card>
  );
}

function HomeTab({ data }: { data: PortalData }) {
  const { t } = useI18n();
  const { hasRole, can } = useAuth();
  return (
    <>
      {can('demand.report') && <ReportEntry testId="m-home-demand-entry" />}
      {hasRole('party_member') && <MemberHomeCards />}
      {(hasRole('resident') || hasRole('party_member')) && <OwnerVotesEntry />}
      {can('charter.comment') && <CharterEntry />}
      <DeliberationEntry />
      <Household data={data} />
      <MyInfo data={data} />
      {data.bodies && (
        <Card title={t('portal.bodies')} size="small" className="gz-m-card" extra={<Link to="/m/community" aria-label={t('portal.bodies')}><RightOutlined aria-hidden /></Link>}>
          <BodiesList bodies={data.bodies.slice(0, 3)} />
        </Card>
      )}
    </>
  );
}

function CommunityTab({ data }: { data: PortalData }) {
  const { t, tx } = useI18n();
  const node = data.node;
  return (
    <>
      {node && (
        <Card title={t('portal.community')} size="small" className="gz-m-card" data-testid="portal-community">
          <div className="gz-m-row"><span>{t('common.name')}</span><strong>{data.community?.name}</strong></div>
          {node.ancestors.some((a) => a.id !== data.community?.id) && (
            <div className="gz-m-row"><span>{t('portal.path')}</span><span>{node.ancestors.filter((a) => a.id !== data.community?.id).map((a) => a.name).join(' / ')}</span></div>
          )}
          {data.community && <div className="gz-m-row"><span>{t('territory.kind')}</span><span>{tx('kind', data.community.kind)}</span></div>}
        </Card>
      )}
      {data.bodies && (
        <Card title={t('portal.bodies')} size="small" className="gz-m-card">
          <BodiesList bodies={data.bodies} />
        </Card>
      )}
    </>
  );
}

function MeTab({ data }: { data: PortalData }) {
  const { t } = useI18n();
  const { logout, can, hasRole } = useAuth();
  const navigate = useNavigate();
  return (
    <>
      <MyInfo data={data} />
      {hasRole('party_member') && can('demand.report') && <ReportEntry testId="m-me-demand-entry" />}
      <Card size="small" className="gz-m-card">
        <div className="gz-m-row"><span>{t('app.language')}</span><LangSwitch compact /></div>
        {hasRole('party_member') && (
          <Button block size="large" style={{ marginTop: 8 }} onClick={() => navigate('/m/registration')} data-testid="portal-registration">
            {t('m.reg.title')}
          </Button>
        )}
        <Button block size="large" style={{ marginTop: 8 }} onClick={() => navigate('/console/security')} data-testid="portal-security">
          {t('nav.security')}
        </Button>
        {(can('territory.read') || can('person.read')) && (
          <Button block size="large" style={{ marginTop: 8 }} onClick={() => navigate(can('territory.read') ? '/console/territory' : '/console/people')} data-testid="portal-console">
            {t('portal.console')}
          </Button>
        )}
        <Button block size="large" danger icon={<LogoutOutlined aria-hidden />} style={{ marginTop: 8 }} data-testid="logout"
          onClick={async () => { await logout(); navigate('/login', { replace: true }); }}>
          {t('auth.logout')}
        </Button>
      </Card>
    </>
  );
}

const HOME = { path: '/m', label: 'portal.tab.home', icon: <HomeOutlined aria-hidden />, id: 'home' } as const;
const COMMUNITY = { path: '/m/community', label: 'portal.tab.community', icon: <TeamOutlined aria-hidden />, id: 'community' } as const;
const ME = { path: '/m/me', label: 'portal.tab.me', icon: <UserOutlined aria-hidden />, id: 'me' } as const;

/** At most five tabs fit a phone: a party member's community page stays one tap away on the home tab. */
function useTabs() {
  const { hasRole, can } = useAuth();
  const member = hasRole('party_member');
  const resident = hasRole('resident');
  return [HOME, ...memberTabs({ member, resident }), ...demandTabs({ member, reporter: can('demand.report') }), ...(member ? [] : [COMMUNITY]), ME];
}

/** Where the resident lives, as the demand screens need it. */
function placeOf(data: PortalData): PortalPlace {
  const h = data.person?.household;
  const home = h ? [h.address, h.address?.includes(h.room) ? null : h.room].filter(Boolean).join(' ') : null;
  return { community: data.community ? { id: data.community.id, name: data.community.name } : null, home: home || null };
}

/** The resident and party-member portal, laid out for a phone first. */
export default function PortalPage() {
  const { t } = useI18n();
  const data = usePortalData();
  const location = useLocation();
  const navigate = useNavigate();
  const tabs = useTabs();
  const { can } = useAuth();

  return (
    <div className="gz-m">
      <header className="gz-m-header">
        <div className="gz-m-header-bell">
          <NotificationBell tone="light" route={can('demand.handle') ? undefined : portalLink} />
        </div>
        <div className="gz-m-header-sub">{t('portal.title')}</div>
        <div className="gz-m-header-title" data-testid="portal-community-name">
          {data.community?.name ?? data.grant?.territoryName ?? t('app.name')}
        </div>
      </header>
      <main className="gz-m-main">
        {data.loading ? (
          <Loading />
        ) : !data.grant ? (
          <Empty description={t('portal.noGrant')} />
        ) : data.error ? (
          <ErrorState error={data.error} />
        ) : (
          <Routes>
            <Route index element={<HomeTab data={data} />} />
            <Route path="community" element={<CommunityTab data={data} />} />
            <Route path="me" element={<MeTab data={data} />} />
            <Route path="services" element={<Suspense fallback={<Loading />}><ServicesTab /></Suspense>} />
            <Route path="wishes" element={<Suspense fallback={<Loading />}><WishesTab /></Suspense>} />
            <Route path="points" element={<Suspense fallback={<Loading />}><PointsTab /></Suspense>} />
            <Route path="registration" element={<Suspense fallback={<Loading />}><RegistrationPage /></Suspense>} />
            <Route path="checkin" element={<Suspense fallback={<Loading />}><CheckinPage /></Suspense>} />
            <Route path="votes" element={<OwnerVotesPage />} />
            <Route path="votes/:id" element={<OwnerMatterPage />} />
            <Route path="charters/*" element={<CharterRoutes />} />
            <Route path="agenda/*" element={<Suspense fallback={<Loading />}><PortalAgendaRoutes /></Suspense>} />
            <Route path="meetings/*" element={<Suspense fallback={<Loading />}><PortalMeetingRoutes /></Suspense>} />
            <Route path="resolutions/*" element={<Suspense fallback={<Loading />}><PortalResolutionRoutes /></Suspense>} />
            <Route path="meeting-checkin" element={<Suspense fallback={<Loading />}><MeetingCheckinPage /></Suspense>} />
            <Route path="demands/*" element={<Suspense fallback={<Loading />}><DemandRoutes {...placeOf(data)} /></Suspense>} />
            <Route path="*" element={<Navigate to="/m" replace />} />
          </Routes>
        )}
      </main>
      <nav className="gz-m-tabbar" aria-label={t('app.menu')}>
        {tabs.map((tab) => {
          // '/m/me' must not light up for '/m/meetings': a tab owns its path and what lies under it.
          const active = tab.path === '/m' ? location.pathname === '/m' || location.pathname === '/m/' : location.pathname === tab.path || location.pathname.startsWith(`${tab.path}/`);
          return (
            <button key={tab.id} type="button" className={active ? 'active' : ''} onClick={() => navigate(tab.path)}
              aria-current={active ? 'page' : undefined} data-testid={`portal-tab-${tab.id}`}>
              <span className="gz-m-tab-icon" aria-hidden>{tab.icon}</span>
              <span>{t(tab.label)}</span>
            </button>
          );
        })}
      </nav>
    </div>
  );
}
