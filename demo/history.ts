import type { StandardChange } from '../contracts/standards.ts';
import { approveRecalc, startRecalc } from '../server/modules/entitlements/recalc.usecases.ts';
import { approvePayroll, startPayroll } from '../server/modules/payroll/payroll.usecases.ts';
import { addStandards } from '../server/modules/standards/standards.usecases.ts';
import type { RequestContext } from '../server/platform/context.ts';
import { addMonths } from '../server/rules/calendar.ts';
import type { Services } from '../server/services.ts';

// The demo district's money, paid the way a bureau pays it: the 2026 standards entered at the end
// of 2025 and their recalculation approved, then every month's payroll for 低保, 特困 and
// temporary assistance computed, reviewed and approved in turn, so that the 2025 statistics come
// out of the payroll lines.

/** The 2026 adjustment (§15 placeholders), entered in December 2025. */
export const DEMO_STANDARDS_2026: StandardChange[] = [
  {
    series: 'dibao.urban',
    amountFen: 100_000,
    effectiveFrom: '2026-01-01',
    reason: '演示数据：2026 年度标准调整（§15 占位）',
  },
  {
    series: 'dibao.rural',
    amountFen: 80_000,
    effectiveFrom: '2026-01-01',
    reason: '演示数据：2026 年度标准调整（§15 占位）',
  },
];

const at = (s: Services, date: string) => s.clock.set(new Date(`${date}T10:00:00+08:00`));

/** Enters the 2026 standards on `on` and approves the recalculation they start. */
export async function adjustStandards2026(
  s: Services,
  admin: RequestContext,
  officer: RequestContext,
  on: string,
) {
  at(s, on);
  await addStandards(s, admin, DEMO_STANDARDS_2026);
  const { runId } = await startRecalc(s, officer, { effectiveFrom: '2026-01-01', trigger: 'standards' });
  await s.jobs.drain();
  await approveRecalc(s, officer, runId, '经审核，按 2026 年度标准调整保障金额');
}

const SCHEMES = ['DIBAO', 'TEKUN', 'TEMPORARY'] as const;

/** Computes and approves every scheme's payroll for each month from `from` to `to` (inclusive). */
export async function payMonths(
  s: Services,
  officer: RequestContext,
  from: string,
  to: string,
  onMonth?: (month: string) => void,
) {
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    at(s, `${m.slice(0, 7)}-05`);
    for (const scheme of SCHEMES) {
      const { runId } = await startPayroll(s, officer, { scheme, month: m });
      await s.jobs.drain();
      await approvePayroll(s, officer, runId, `${m.slice(0, 7)} 月发放，已复核`);
    }
    onMonth?.(m);
  }
}
