// Route elements of the urgent report (/cases/urgent/new) and the reserve-fund ledger (/reserve-fund),
// lazily loaded behind their permission guards; App.tsx mounts them under the console shell.
import { lazy } from 'react';
import { RequirePermission } from '../../console/guards.tsx';

const UrgentReportPage = lazy(async () => ({
  default: (await import('../cases/urgent/UrgentReportPage.tsx')).UrgentReportPage,
}));
const ReserveFundPage = lazy(async () => ({
  default: (await import('./ReserveFundPage.tsx')).ReserveFundPage,
}));

/** `/cases/urgent/new`: whoever may write cases (village assistant, town officer, district). */
export function UrgentReportRoute() {
  return (
    <RequirePermission perm="cases.write">
      <UrgentReportPage />
    </RequirePermission>
  );
}

/** `/reserve-fund`: whoever may read cases (the server limits town and village roles to their town). */
export function ReserveFundRoute() {
  return (
    <RequirePermission perm="cases.read">
      <ReserveFundPage />
    </RequirePermission>
  );
}
