import { describe, expect, it } from 'vitest';
import { DEFAULTS_2026, type PolicyParameters } from '../../rules/benefits/parameters.ts';
import type { BasisRow } from './entitlements.repository.ts';
import { recalcChange } from './recalc.models.ts';

const P = DEFAULTS_2026; // urban 1000, rural 800 元/人·月
const withUrban = (fen: number): PolicyParameters => ({
  ...P,
  dibao: { ...P.dibao, standardFen: { ...P.dibao.standardFen, urban: fen } },
});

// 3 people, per-capita income 600 元/月 over 12 months: gap (1000 − 600) × 3 = 1200 元.
const row = (over: Partial<BasisRow> = {}): BasisRow => ({
  case_id: 'c1',
  version: 1,
  effective_from: '2026-02-01',
  amount_fen: 120_000,
  method: 'GAP',
  area: 'urban',
  household_size: 3,
  net_income_fen: 60_000 * 3 * 12,
  income_months: 12,
  care_level: null,
  ...over,
});

describe('recalcChange — a standard change applied to one entitlement (§9.4; S4 #6; §2.1; §2.5)', () => {
  it.each<[string, BasisRow, PolicyParameters, string, string, object | null, string]>([
    ['same standard: no change', row(), P, '2026-07-01', '2026-12-01', null, '§9.4'],
    [
      'rise to 1100 from July, paid to November: 5 months of 300 back-pay',
      row(),
      withUrban(110_000),
      '2026-07-01',
      '2026-12-01',
      {
        new_fen: 150_000,
        applies_from: '2026-07-01',
        back_pay_months: 5,
        back_pay_fen: 150_000,
        outcome: 'CHANGE',
      },
      'S3 Art.12; §9.4',
    ],
    [
      'a case that started after the effective month gets back-pay from its own start',
      row({ effective_from: '2026-10-01' }),
      withUrban(110_000),
      '2026-07-01',
      '2026-12-01',
      { applies_from: '2026-10-01', back_pay_months: 2, back_pay_fen: 60_000 },
      'S1 Art.21; §9.4',
    ],
    [
      'a rise effective in the future has no back-pay',
      row(),
      withUrban(110_000),
      '2027-01-01',
      '2026-12-01',
      { applies_from: '2027-01-01', back_pay_months: 0, back_pay_fen: 0 },
      '§9.4',
    ],
    [
      'a decrease is not recovered for months already paid: it applies from the first unpaid month',
      row(),
      withUrban(90_000),
      '2026-07-01',
      '2026-12-01',
      { new_fen: 90_000, applies_from: '2026-12-01', back_pay_months: 0, back_pay_fen: 0, outcome: 'CHANGE' },
      '§2.5 (recovery only for unreported change or fraud)',
    ],
    [
      'income equal to the lowered standard: listed for review, not stopped',
      row(),
      withUrban(60_000),
      '2026-07-01',
      '2026-12-01',
      { new_fen: 0, outcome: 'INELIGIBLE', back_pay_fen: 0 },
      'S3 Art.9 (strict <); §3.9 due process',
    ],
    [
      'single-person 低保 follows the standard',
      row({ method: 'FULL_STANDARD', household_size: 1, net_income_fen: 0, amount_fen: 100_000 }),
      withUrban(105_000),
      '2026-11-01',
      '2026-12-01',
      { new_fen: 105_000, back_pay_months: 1, back_pay_fen: 5_000 },
      'S1 Art.8; §15',
    ],
  ])('%s', (_name, r, params, effective, unpaid, expected, _rule) => {
    const c = recalcChange(r, params, effective, unpaid);
    if (expected === null) expect(c).toBeNull();
    else expect(c).toMatchObject(expected);
  });
});
