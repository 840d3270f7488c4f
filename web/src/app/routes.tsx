import { lazy, Suspense, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './auth';
import { useI18n } from './i18n';
import { Loading } from './ui/States';
import type { Permission } from './types';
import { ConsoleLayout } from './ConsoleLayout';

const LoginPage = lazy(() => import('../modules/auth/LoginPage'));
const ForcedPasswordChange = lazy(() => import('../modules/auth/ForcedPasswordChange'));
const SecurityPage = lazy(() => import('../modules/auth/SecurityPage'));
const OverviewPage = lazy(() => import('../modules/overview/OverviewPage'));
const TerritoryPage = lazy(() => import('../modules/territory/TerritoryPage'));
const BodiesPage = lazy(() => import('../modules/bodies/BodiesPage'));
const BodyPage = lazy(() => import('../modules/bodies/BodyPage'));
const PeoplePage = lazy(() => import('../modules/people/PeoplePage'));
const PersonPage = lazy(() => import('../modules/people/PersonPage'));
const ImportPage = lazy(() => import('../modules/import/ImportPage'));
const AccountsPage = lazy(() => import('../modules/accounts/AccountsPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const SystemPage = lazy(() => import('../modules/system/SystemPage'));
const Open311KeysPage = lazy(() => import('../modules/open311/KeysPage'));
const PortalPage = lazy(() => import('../modules/portal/PortalPage'));
const VoteReceiptCheckPage = lazy(() => import('../modules/voting/public/ReceiptCheckPage'));
import * as Members from '../modules/members/console';
import * as Demands from '../modules/demands/console';
import * as Voting from '../modules/voting/console';
import * as Deliberation from '../modules/deliberation/console';
import { DELIB } from '../modules/deliberation/shared/types';
import { VOTING } from '../modules/voting/shared/types';
import * as Charters from '../modules/charters/console';
import * as Mediation from '../modules/mediation/console';

/** Signed-in only; an account that must change its password sees nothing else. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { status, session } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (session.account.mustChangePassword) return <ForcedPasswordChange />;
  return <>{children}</>;
}

function Allow({ any, children }: { any: Permission[]; children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useI18n();
  if (!any.some(can)) return <Result status="403" subTitle={t('app.forbidden')} />;
  return <>{children}</>;
}

function HomeRedirect() {
  const { status, session } = useAuth();
  if (status === 'loading') return <Loading />;
  if (!session) return <Navigate to="/login" replace />;
  const home = ['', '/', '/console', '/console/'].includes(session.home ?? '') ? '/console/security' : session.home;
  return <Navigate to={home} replace />;
}

function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('app.notFound')}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('app.backHome')}</Button>}
    />
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/login" element={<LoginPage />} />
        {/* Anyone holding a receipt code checks, without logging in, that the ballot was counted. */}
        <Route path="/votes/:matterId/check" element={<VoteReceiptCheckPage />} />
        {/* The server names this page as home while the password must change; RequireAuth shows it. */}
        <Route path="/change-password" element={<RequireAuth><HomeRedirect /></RequireAuth>} />
        <Route
          path="/m/*"
          element={
            <RequireAuth>
              <PortalPage />
            </RequireAuth>
          }
        />
        {/* The venue screen shows only the rotating check-in code, without the console around it. */}
        <Route path="/venue/:id" element={<RequireAuth><Allow any={['activity.manage']}><Members.VenuePage /></Allow></RequireAuth>} />
        <Route path="/meeting-venue/:id" element={<RequireAuth><Allow any={[DELIB.meetingManage]}><Deliberation.MeetingVenuePage /></Allow></RequireAuth>} />
        {/* Print sheets: black on white, without the console around them. */}
        <Route path="/print/meetings/:id/minutes" element={<RequireAuth><Allow any={[DELIB.meetingRead]}><Deliberation.MinutesPrintPage /></Allow></RequireAuth>} />
        <Route path="/print/resolutions/:id" element={<RequireAuth><Allow any={[DELIB.resolutionRead]}><Deliberation.ResolutionPrintPage /></Allow></RequireAuth>} />
        <Route
          path="/console"
          element={
            <RequireAuth>
              <ConsoleLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="overview" element={<Allow any={['stats.read']}><OverviewPage /></Allow>} />
          <Route path="territory" element={<Allow any={['territory.read']}><TerritoryPage /></Allow>} />
          <Route path="territory/:id" element={<Allow any={['territory.read']}><TerritoryPage /></Allow>} />
          <Route path="bodies" element={<Allow any={['body.read']}><BodiesPage /></Allow>} />
          <Route path="bodies/:id" element={<Allow any={['body.read']}><BodyPage /></Allow>} />
          <Route path="people" element={<Allow any={['person.read']}><PeoplePage /></Allow>} />
          <Route path="people/:id" element={<Allow any={['person.read']}><PersonPage /></Allow>} />
          <Route path="import" element={<Allow any={['person.import', 'territory.import']}><ImportPage /></Allow>} />
          <Route path="accounts" element={<Allow any={['account.manage']}><AccountsPage /></Allow>} />
          <Route path="audit" element={<Allow any={['audit.read']}><AuditPage /></Allow>} />
          <Route path="system" element={<Allow any={['system.read']}><SystemPage /></Allow>} />
          <Route path="open311-keys" element={<Allow any={['open311.keys']}><Open311KeysPage /></Allow>} />
          <Route path="activities" element={<Allow any={['activity.read']}><Members.ActivitiesPage /></Allow>} />
          <Route path="activities/:id" element={<Allow any={['activity.read']}><Members.ActivityPage /></Allow>} />
          <Route path="wishes" element={<Allow any={['wish.review', 'wish.read']}><Members.WishesPage /></Allow>} />
          <Route path="registrations" element={<Allow any={['registration.read', 'unit-registration.read']}><Members.RegistrationsPage /></Allow>} />
          <Route path="member-rates" element={<Allow any={['registration.stats']}><Members.RatesPage /></Allow>} />
          <Route path="points" element={<Allow any={['points.read']}><Members.PointsPage /></Allow>} />
          <Route path="workplace" element={<Allow any={['registration.workplace']}><Members.WorkplacePage /></Allow>} />
          <Route path="demands" element={<Allow any={['demand.read']}><Demands.DemandsPage /></Allow>} />
          <Route path="demands/new" element={<Allow any={['demand.report']}><Demands.NewDemandPage /></Allow>} />
          <Route path="demands/import" element={<Allow any={['demand.import']}><Demands.DemandImportPage /></Allow>} />
          <Route path="demands/:id" element={<Allow any={['demand.read']}><Demands.DemandPage /></Allow>} />
          <Route path="hot-topics/:id" element={<Allow any={['demand.stats']}><Demands.HotTopicPage /></Allow>} />
          <Route path="demand-stats" element={<Allow any={['demand.stats']}><Demands.DemandStatsPage /></Allow>} />
          <Route path="demand-settings" element={<Allow any={['demand.configure']}><Demands.DemandSettingsPage /></Allow>} />
          <Route path="estates" element={<Allow any={[VOTING.read]}><Voting.EstatesPage /></Allow>} />
          <Route path="estates/:id" element={<Allow any={[VOTING.read]}><Voting.EstatePage /></Allow>} />
          <Route path="agenda" element={<Allow any={[DELIB.agendaRead]}><Deliberation.AgendaPage /></Allow>} />
          <Route path="agenda/:id" element={<Allow any={[DELIB.agendaRead]}><Deliberation.AgendaItemPage /></Allow>} />
          <Route path="meetings" element={<Allow any={[DELIB.meetingRead]}><Deliberation.MeetingsPage /></Allow>} />
          <Route path="meetings/:id" element={<Allow any={[DELIB.meetingRead]}><Deliberation.MeetingPage /></Allow>} />
          <Route path="resolutions" element={<Allow any={[DELIB.resolutionRead]}><Deliberation.ResolutionsPage /></Allow>} />
          <Route path="resolutions/:id" element={<Allow any={[DELIB.resolutionRead]}><Deliberation.ResolutionPage /></Allow>} />
          <Route path="cogov" element={<Allow any={[DELIB.cogovRead]}><Deliberation.CogovPage /></Allow>} />
          <Route path="charters" element={<Allow any={['charter.read']}><Charters.ChartersPage /></Allow>} />
          <Route path="charters/:id" element={<Allow any={['charter.read']}><Charters.CharterPage /></Allow>} />
          <Route path="mediation" element={<Allow any={['mediation.read']}><Mediation.CasesPage /></Allow>} />
          <Route path="mediation/:id" element={<Allow any={['mediation.read']}><Mediation.CasePage /></Allow>} />
          <Route path="security" element={<SecurityPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
