import { describe, expect, it } from 'vitest';
import { buildReport } from './check-report.models.ts';
import { CHECK_RULES, type FeedItem, type RuleParams, selectRecords } from './check-rules.models.ts';

// The suspicious-item rules of the check report (domain-rules §8.2, §3.5; S1 Art.7, 13, 14, 17),
// one row per rule, on a two-member household with the §15 default parameters (urban standard
// 1,000 元; financial assets ≤ 24 months of the standard per capita; one residence; 12-month look-back).

const P: RuleParams = {
  asOf: '2026-11-30',
  standardFen: 100_000,
  financialAssetsMaxMonths: 24,
  maxResidences: 1,
  incomeLookbackMonths: 12,
};
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const S = '00000000-0000-4000-8000-00000000000c';
let n = 0;
const rec = (source: string, data: Record<string, unknown>, over: Partial<FeedItem> = {}): FeedItem => ({
  source,
  recordKey: (++n).toString(16).padStart(8, '0'),
  personId: A,
  personRole: 'MEMBER',
  occurredOn: '2026-06-01',
  data,
  batchId: 'b',
  deliveredAt: '2026-11-01T00:00:00.000Z',
  ...over,
});

function verdictOf(records: FeedItem[]) {
  const built = buildReport({
    params: P,
    basic: {
      caseNo: 'DB-1',
      scheme: 'DIBAO',
      area: 'urban',
      householdNo: null,
      villageCode: '370971001201',
      integrity: [],
    },
    persons: [
      {
        personId: A,
        role: 'MEMBER',
        nameMask: '张*',
        idMask: '',
        relationCode: '02',
        consentSignedOn: '2026-11-01',
        consentRef: 'x',
      },
      {
        personId: B,
        role: 'MEMBER',
        nameMask: '刘*',
        idMask: '',
        relationCode: '12',
        consentSignedOn: '2026-11-01',
        consentRef: 'x',
      },
      {
        personId: S,
        role: 'SUPPORTER',
        nameMask: '王*',
        idMask: '',
        relationCode: null,
        consentSignedOn: '2026-11-01',
        consentRef: 'x',
      },
    ],
    records,
    previous: null,
  });
  return built;
}

const car = { plate: '鲁J12345', vehicleType: 'CAR', useNature: 'PRIVATE', status: 'NORMAL' };
const home = (location: string, use = 'RESIDENTIAL') => ({ location, areaM2: 90, use, shared: 'SOLE' });

describe('suspicious-item rules (§8.2; S1 Art.7, 13, 14, 17)', () => {
  it.each([
    [
      'a private car in normal status is SUSPECT (S1 Art.14; §10.2)',
      [rec('VEHICLE', car)],
      'SUSPECT',
      'VEHICLE_NORMAL',
    ],
    ['a scrapped car is nothing to verify', [rec('VEHICLE', { ...car, status: 'SCRAPPED' })], 'NONE', null],
    [
      'a farm vehicle is nothing to verify (basic production goods, S1 Art.14)',
      [rec('VEHICLE', { ...car, vehicleType: 'AGRICULTURAL' })],
      'NONE',
      null,
    ],
    ['one residence is within the limit', [rec('REAL_ESTATE', home('一号'))], 'NONE', null],
    [
      'two residences in the household exceed the limit (§10.2)',
      [rec('REAL_ESTATE', home('一号')), rec('REAL_ESTATE', home('二号'), { personId: B })],
      'SUSPECT',
      'RESIDENCES_ABOVE_LIMIT',
    ],
    [
      'a shop is SUSPECT',
      [rec('REAL_ESTATE', home('商铺', 'COMMERCIAL'))],
      'SUSPECT',
      'NON_RESIDENTIAL_PROPERTY',
    ],
    [
      'an operating business role is SUSPECT (S1 Art.13(二))',
      [
        rec('BUSINESS_ROLE', {
          creditCode: '9137',
          company: '某商贸',
          role: 'INVESTOR',
          status: 'OPERATING',
        }),
      ],
      'SUSPECT',
      'BUSINESS_OPERATING',
    ],
    [
      'a revoked business is nothing to verify',
      [rec('BUSINESS_ROLE', { creditCode: '9137', company: '某商贸', role: 'INVESTOR', status: 'REVOKED' })],
      'NONE',
      null,
    ],
    [
      'deposits over the limit EXCLUDE (S1 Art.14; §15)',
      [rec('DEPOSITS', { personalOverLimit: true })],
      'EXCLUDES',
      'DEPOSITS_OVER_LIMIT',
    ],
    ['deposits within the limit', [rec('DEPOSITS', { personalOverLimit: false })], 'NONE', null],
    [
      'securities above 24 × standard × 2 members are SUSPECT',
      [rec('SECURITIES', { stocksFen: 4_000_001, fundsFen: 800_000 })],
      'SUSPECT',
      'SECURITIES_OVER_LIMIT',
    ],
    ['securities within the limit', [rec('SECURITIES', { stocksFen: 4_000_000 })], 'NONE', null],
    [
      'public payroll is SUSPECT, never EXCLUDES by identity alone (§2.4)',
      [rec('PUBLIC_PAYROLL', { employer: '某局' })],
      'SUSPECT',
      'PUBLIC_PAYROLL',
    ],
    [
      'serving a sentence EXCLUDES the person (S1 Art.7)',
      [rec('PRISON', { kind: 'IMPRISONED' })],
      'EXCLUDES',
      'SERVING_SENTENCE',
    ],
    ['released is nothing to verify', [rec('PRISON', { kind: 'RELEASED' })], 'NONE', null],
    [
      'a death record EXCLUDES (S5 §三(二))',
      [rec('DEATH', { diedOn: '2026-06-01' })],
      'EXCLUDES',
      'DECEASED',
    ],
    [
      'an employment registration is SUSPECT (S1 Art.13(一))',
      [rec('EMPLOYMENT', { kind: 'EMPLOYED' })],
      'SUSPECT',
      'EMPLOYED',
    ],
    [
      'provident-fund contributions in the period are SUSPECT',
      [rec('PROVIDENT_FUND', { monthlyFen: 30_000, status: 'NORMAL' })],
      'SUSPECT',
      'PROVIDENT_FUND_PAID',
    ],
    [
      'taxed income of 2,000 元/month for 2 members (≥ the standard per capita) is SUSPECT',
      Array.from({ length: 12 }, (_, i) =>
        rec(
          'TAX',
          { item: '工资薪金', incomeFen: 200_000 },
          { occurredOn: `2026-${String((i % 11) + 1).padStart(2, '0')}-15` },
        ),
      ),
      'SUSPECT',
      'TAXED_INCOME_ABOVE_STANDARD',
    ],
    [
      'a disability certificate is information only',
      [rec('DISABILITY', { category: 'PHYSICAL', grade: 2 })],
      'NONE',
      null,
    ],
  ])('%s', (_name, records, suspicious, ruleId) => {
    const built = verdictOf(records as FeedItem[]);
    const worst = built.items.some((i) => i.suspicious === 'EXCLUDES')
      ? 'EXCLUDES'
      : built.items.some((i) => i.suspicious === 'SUSPECT')
        ? 'SUSPECT'
        : 'NONE';
    expect(worst).toBe(suspicious);
    expect(built.flags.map((f) => f.ruleId)).toEqual(ruleId ? [ruleId] : []);
    if (ruleId) {
      const hit = built.items.find((i) => i.ruleHits.includes(ruleId as keyof typeof CHECK_RULES))!;
      expect(hit.reasonZh).toContain(CHECK_RULES[ruleId as keyof typeof CHECK_RULES].rule);
      expect(hit.reasonEn.length).toBeGreaterThan(0);
    }
  });

  it('lists a member serving a sentence as not counted in the household, and shrinks the per-capita limits', () => {
    // 3 万 of securities is within 24 × 1,000 × 2 (4.8 万) but not × 1 (2.4 万) once the spouse is out.
    const built = verdictOf([
      rec('PRISON', { kind: 'IMPRISONED' }, { personId: B }),
      rec('SECURITIES', { stocksFen: 3_000_000 }),
    ]);
    expect(built.sections.basic.members.find((m) => m.personId === B)?.excluded?.ruleId).toBe(
      'SERVING_SENTENCE',
    );
    expect(built.sections.basic.members.find((m) => m.personId === A)?.excluded).toBeNull();
    expect(built.flags.map((f) => f.ruleId).sort()).toEqual(['SECURITIES_OVER_LIMIT', 'SERVING_SENTENCE']);
  });

  it('keeps supporters apart: their own house does not count against the household', () => {
    const built = verdictOf([
      rec('REAL_ESTATE', home('一号')),
      rec('REAL_ESTATE', home('义务人住房'), { personId: S, personRole: 'SUPPORTER' }),
    ]);
    expect(built.suspectCount).toBe(0);
    expect(built.sections.basic.supporters.map((p) => p.personId)).toEqual([S]);
  });

  it('uses the latest record per holding, the latest snapshot, and flows within the 12-month look-back', () => {
    const records = [
      rec('VEHICLE', car, { occurredOn: '2020-01-01' }),
      rec('VEHICLE', { ...car, status: 'SCRAPPED' }, { occurredOn: '2025-03-01' }),
      rec('DEPOSITS', { personalOverLimit: true }, { occurredOn: '2025-01-01' }),
      rec('DEPOSITS', { personalOverLimit: false }, { occurredOn: '2026-10-01' }),
      rec('UTILITIES', { utility: 'POWER', amountFen: 5_000 }, { occurredOn: '2025-11-30' }),
      rec('UTILITIES', { utility: 'POWER', amountFen: 5_000 }, { occurredOn: '2025-12-01' }),
      rec('UTILITIES', { utility: 'POWER', amountFen: 5_000 }, { occurredOn: '2026-12-01' }),
    ];
    const picked = selectRecords(records, P);
    expect(picked.map((r) => `${r.source}:${r.occurredOn}`)).toEqual([
      'DEPOSITS:2026-10-01',
      'UTILITIES:2025-12-01',
      'VEHICLE:2025-03-01',
    ]);
    const built = verdictOf(records);
    expect(built.sections.property.find((t) => t.source === 'UTILITIES')?.window).toEqual({
      kind: 'FLOW',
      from: '2025-11-30',
      to: '2026-11-30',
    });
    // §2.2/§8.3: 5 days to object, calendar days after the report date (§2.1's reading of "N天").
    expect(built.objectionUntil).toBe('2026-12-05');
  });
});
