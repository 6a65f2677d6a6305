// Route elements of 统计分析: /stats inside the console shell, and /stats/print outside it (a clean
// page for the press office, still signed in); both need `cases.read` (the server narrows a town or
// village role to its own area). App.tsx mounts them.
import { lazy } from 'react';
import { RequireAuth, RequirePermission } from '../../console/guards.tsx';

const StatsPage = lazy(async () => ({ default: (await import('./StatsPage.tsx')).StatsPage }));
const StatsPrintPage = lazy(async () => ({ default: (await import('./StatsPrintPage.tsx')).StatsPrintPage }));

/** `/stats` under the console shell. */
export function StatsRoute() {
  return (
    <RequirePermission perm="cases.read">
      <StatsPage />
    </RequirePermission>
  );
}

/** `/stats/print?year=` at the top level of the router (no menu). */
export function StatsPrintRoute() {
  return (
    <RequireAuth>
      <RequirePermission perm="cases.read">
        <StatsPrintPage />
      </RequirePermission>
    </RequireAuth>
  );
}
