import { startCheck } from '../server/modules/verification/check-reports.usecases.ts';
import { shanghaiDateOf } from '../server/platform/clock.ts';
import { addWorkingDays, DEFAULT_CALENDAR } from '../server/rules/calendar.ts';
import type { Services } from '../server/services.ts';
import { demoContext } from './accounts.ts';
import { DEMO_COUNTY } from './district.ts';

// The demo's economic-status checks: the county starts every check the open applications requested
// and the first report version is produced, through the same use case as the console. The clock is
// set to the working day after each request (inside S1 Art.17's 3 working days, never after "now"),
// so reports read department records delivered by then: run it after the demo feeds are delivered.

export async function runDemoChecks(s: Services): Promise<void> {
  const ctx = await demoContext(s, 'district', 'demo-checks');
  const waiting = await s.db
    .selectFrom('check_request as r')
    .innerJoin('assistance_case as c', (j) =>
      j.onRef('c.county_code', '=', 'r.county_code').onRef('c.id', '=', 'r.case_id'),
    )
    .select(['r.id', 'r.requested_on', 'r.requested_at'])
    .where('r.county_code', '=', DEMO_COUNTY)
    .where('r.status', '=', 'REQUESTED')
    .where('c.stage', '=', 'APPLICATION')
    .orderBy('r.requested_at')
    .execute();
  const now = s.clock.now();
  const today = shanghaiDateOf(now);
  try {
    for (const r of waiting) {
      const day = addWorkingDays(r.requested_on, 1, DEFAULT_CALENDAR);
      // 10:00 on the working day after the request, or now when that is still ahead.
      const at = day < today ? new Date(`${day}T10:00:00+08:00`) : now;
      s.clock.set(new Date(Math.max(at.getTime(), r.requested_at.getTime())));
      await startCheck(s, ctx, r.id);
    }
  } finally {
    s.clock.set(now);
  }
}
