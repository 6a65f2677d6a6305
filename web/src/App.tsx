// Providers and routes of the staff console.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './console/AuthContext.tsx';
import { FullPageSpin, HomeRedirect, NotFound, RequireAuth, RequirePermission } from './console/guards.tsx';
import { Shell } from './console/Shell.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { useLang } from './lib/lang.ts';

const page = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const ChangePasswordPage = page(() => import('./features/auth/ChangePasswordPage.tsx'), 'ChangePasswordPage');
const HouseholdList = page(() => import('./features/registry/HouseholdList.tsx'), 'HouseholdList');
const HouseholdDetail = page(() => import('./features/registry/HouseholdDetail.tsx'), 'HouseholdDetail');
const HouseholdForm = page(() => import('./features/registry/HouseholdForm.tsx'), 'HouseholdForm');
const ImportPage = page(() => import('./features/imports/ImportPage.tsx'), 'ImportPage');
const JobsPage = page(() => import('./features/jobs/JobsPage.tsx'), 'JobsPage');
const AuditPage = page(() => import('./features/audit/AuditPage.tsx'), 'AuditPage');
const UsersPage = page(() => import('./features/users/UsersPage.tsx'), 'UsersPage');
const CalculatorPage = page(() => import('./features/benefits/CalculatorPage.tsx'), 'CalculatorPage');
const StandardsPage = page(() => import('./features/standards/StandardsPage.tsx'), 'StandardsPage');
const RecalcPage = page(() => import('./features/entitlements/RecalcPage.tsx'), 'RecalcPage');
const PayrollPage = page(() => import('./features/payroll/PayrollPage.tsx'), 'PayrollPage');
const InstitutionsPage = page(
  () => import('./features/institutions/InstitutionsPage.tsx'),
  'InstitutionsPage',
);
const FeedsPage = page(() => import('./features/feeds/FeedsPage.tsx'), 'FeedsPage');
const CarePage = page(() => import('./features/care/CarePage.tsx'), 'CarePage');
const ProviderVisitsPage = page(() => import('./features/care/ProviderVisitsPage.tsx'), 'ProviderVisitsPage');
const AssistantsPage = page(() => import('./features/grassroots/AssistantsPage.tsx'), 'AssistantsPage');
const CharityPage = page(() => import('./features/charity/CharityPage.tsx'), 'CharityPage');
const AlertsPage = page(() => import('./features/monitoring/AlertsPage.tsx'), 'AlertsPage');
const MonitoringDashboard = page(
  () => import('./features/monitoring/MonitoringDashboard.tsx'),
  'MonitoringDashboard',
);
const PoliciesPage = page(() => import('./features/policies/PoliciesPage.tsx'), 'PoliciesPage');
const ReferralsPage = page(() => import('./features/policies/ReferralsPage.tsx'), 'ReferralsPage');
const PortalAdminPage = page(() => import('./features/portaladmin/PortalAdminPage.tsx'), 'PortalAdminPage');
// The citizen portal is its own bundle: a phone scanning a poster loads none of the console.
const PortalApp = page(() => import('./portal/PortalApp.tsx'), 'PortalApp');
const CheckReportPage = page(() => import('./features/verification/CheckReportPage.tsx'), 'CheckReportPage');

import { ReserveFundRoute, UrgentReportRoute } from './features/reservefund/routes.tsx';
import { StatsPrintRoute, StatsRoute } from './features/stats/routes.tsx';

const CaseList = page(() => import('./features/cases/CaseList.tsx'), 'CaseList');
const CasePage = page(() => import('./features/cases/CasePage.tsx'), 'CasePage');
const ApplicationPage = page(() => import('./features/cases/ApplicationPage.tsx'), 'ApplicationPage');

function Providers({ children }: { children: ReactNode }) {
  const lang = useLang();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      // 保存 must stay 保存 (not 保 存) so that people and browser tests find the button by its text.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 4 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Providers>
        <Routes>
          {/* The public portal needs no session: it never asks the console who is signed in. */}
          <Route
            path="/portal/*"
            element={
              <Suspense fallback={<FullPageSpin />}>
                <PortalApp />
              </Suspense>
            }
          />
          <Route path="*" element={<Console />} />
        </Routes>
      </Providers>
    </BrowserRouter>
  );
}

function Console() {
  return (
    <AuthProvider>
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/stats/print" element={<StatsPrintRoute />} />
          <Route
            path="/change-password"
            element={
              <RequireAuth allowPasswordChange>
                <ChangePasswordPage />
              </RequireAuth>
            }
          />
          <Route
            path="/"
            element={
              <RequireAuth>
                <Shell />
              </RequireAuth>
            }
          >
            <Route index element={<HomeRedirect />} />
            <Route
              path="households"
              element={
                <RequirePermission perm="registry.read">
                  <HouseholdList />
                </RequirePermission>
              }
            />
            <Route
              path="households/new"
              element={
                <RequirePermission perm="registry.write">
                  <HouseholdForm />
                </RequirePermission>
              }
            />
            <Route
              path="households/:id"
              element={
                <RequirePermission perm="registry.read">
                  <HouseholdDetail />
                </RequirePermission>
              }
            />
            <Route
              path="cases"
              element={
                <RequirePermission perm="cases.read">
                  <CaseList />
                </RequirePermission>
              }
            />
            <Route
              path="cases/new"
              element={
                <RequirePermission perm="cases.write">
                  <ApplicationPage />
                </RequirePermission>
              }
            />
            <Route path="cases/urgent/new" element={<UrgentReportRoute />} />
            <Route path="reserve-fund" element={<ReserveFundRoute />} />
            <Route path="stats" element={<StatsRoute />} />
            <Route
              path="cases/:id"
              element={
                <RequirePermission perm="cases.read">
                  <CasePage />
                </RequirePermission>
              }
            />
            <Route
              path="imports"
              element={
                <RequirePermission perm="registry.import">
                  <ImportPage />
                </RequirePermission>
              }
            />
            <Route
              path="calculator"
              element={
                <RequirePermission perm="registry.read">
                  <CalculatorPage />
                </RequirePermission>
              }
            />
            <Route
              path="standards"
              element={
                <RequirePermission perm="standards.read">
                  <StandardsPage />
                </RequirePermission>
              }
            />
            <Route
              path="recalc"
              element={
                <RequirePermission perm="entitlements.read">
                  <RecalcPage />
                </RequirePermission>
              }
            />
            <Route
              path="feeds"
              element={
                <RequirePermission perm="feeds.read">
                  <FeedsPage />
                </RequirePermission>
              }
            />
            <Route
              path="alerts"
              element={
                <RequirePermission perm="alerts.read">
                  <AlertsPage />
                </RequirePermission>
              }
            />
            <Route
              path="monitoring"
              element={
                <RequirePermission perm="monitoring.read">
                  <MonitoringDashboard />
                </RequirePermission>
              }
            />
            <Route
              path="checks/:id"
              element={
                <RequirePermission perm="checks.read">
                  <CheckReportPage />
                </RequirePermission>
              }
            />
            <Route
              path="care"
              element={
                <RequirePermission perm="care.read">
                  <CarePage />
                </RequirePermission>
              }
            />
            <Route
              path="care/visits"
              element={
                <RequirePermission perm="care.visit">
                  <ProviderVisitsPage />
                </RequirePermission>
              }
            />
            <Route
              path="assistants"
              element={
                <RequirePermission perm="assistants.read">
                  <AssistantsPage />
                </RequirePermission>
              }
            />
            <Route
              path="charity"
              element={
                <RequirePermission perm="charity.read">
                  <CharityPage />
                </RequirePermission>
              }
            />
            <Route
              path="policies"
              element={
                <RequirePermission perm="policies.read">
                  <PoliciesPage />
                </RequirePermission>
              }
            />
            <Route
              path="referrals"
              element={
                <RequirePermission perm="referrals.read">
                  <ReferralsPage />
                </RequirePermission>
              }
            />
            <Route
              path="portal-admin"
              element={
                <RequirePermission perm={['portal.inbox', 'portal.posters']}>
                  <PortalAdminPage />
                </RequirePermission>
              }
            />
            <Route
              path="institutions"
              element={
                <RequirePermission perm="institutions.read">
                  <InstitutionsPage />
                </RequirePermission>
              }
            />
            <Route
              path="payroll"
              element={
                <RequirePermission perm="payroll.read">
                  <PayrollPage />
                </RequirePermission>
              }
            />
            <Route path="jobs" element={<JobsPage />} />
            <Route
              path="audit"
              element={
                <RequirePermission perm="audit.read">
                  <AuditPage />
                </RequirePermission>
              }
            />
            <Route
              path="users"
              element={
                <RequirePermission perm="users.manage">
                  <UsersPage />
                </RequirePermission>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </AuthProvider>
  );
}
