// The citizen portal 救助服务码上通 (domain-rules §9.5): 码上知 / 码上查 / 码上办, mobile first.
// Routed at /portal/* outside the console's AuthProvider: nothing here needs a staff session.
import { Button, ConfigProvider, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router-dom';
import { PortalProvider } from './context.tsx';
import { ApplyPage } from './pages/ApplyPage.tsx';
import { ComplaintsPage } from './pages/ComplaintsPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NoticesPage } from './pages/NoticesPage.tsx';
import { ObjectionPage } from './pages/ObjectionPage.tsx';
import { PoliciesPage } from './pages/PoliciesPage.tsx';
import { PolicyPage } from './pages/PolicyPage.tsx';
import { SelfCheckPage } from './pages/SelfCheckPage.tsx';
import { SubmissionsPage } from './pages/SubmissionsPage.tsx';
import { TrackPage } from './pages/TrackPage.tsx';
import { PORTAL_CSS } from './styles.ts';
import { PortalPage } from './ui.tsx';

function NotFound() {
  const { t } = useTranslation();
  return (
    <PortalPage title={t('portal.notFound')} testId="portal-not-found">
      <Result
        status="404"
        title={t('portal.notFound')}
        extra={
          <Link to="/portal">
            <Button type="primary">{t('portal.toHome')}</Button>
          </Link>
        }
      />
    </PortalPage>
  );
}

export function PortalApp() {
  return (
    // Large controls: fingers, not mouse pointers.
    <ConfigProvider componentSize="large" theme={{ token: { fontSize: 16 } }}>
      <style>{PORTAL_CSS}</style>
      <div className="hjp-root">
        <div className="hjp-shell">
          <PortalProvider>
            <Routes>
              <Route index element={<HomePage />} />
              <Route path="policies" element={<PoliciesPage />} />
              <Route path="policies/:code" element={<PolicyPage />} />
              <Route path="self-check" element={<SelfCheckPage />} />
              <Route path="notices" element={<NoticesPage />} />
              <Route path="notices/:noticeId/objection" element={<ObjectionPage />} />
              <Route path="apply" element={<ApplyPage />} />
              <Route path="track" element={<TrackPage />} />
              <Route path="complaints" element={<ComplaintsPage />} />
              <Route path="submissions" element={<SubmissionsPage />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </PortalProvider>
        </div>
      </div>
    </ConfigProvider>
  );
}
