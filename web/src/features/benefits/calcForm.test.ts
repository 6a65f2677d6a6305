import { describe, expect, it } from 'vitest';
import { benefitQuoteInput } from '../../../../contracts/benefits.ts';
import { fenOf, formatYuan, resolveCalcField, toMemberInput, toQuoteInput } from './calcForm.ts';

describe('toQuoteInput', () => {
  it('turns yuan into fen and unable self-care items into the six answers', () => {
    const q = toQuoteInput({
      date: '2026-03-15',
      area: 'rural',
      members: [
        {
          age: 61,
          relation: 'head',
          disabilityCategory: 4,
          disabilityGrade: 1,
          unableItems: ['bathing', 'toileting'],
          wageYuan: '1200.5',
          incomes: [{ kind: 'transfer_in', monthlyYuan: 300 }, { monthlyYuan: 5 }],
        },
      ],
      financialAssetsYuan: '10000',
      vehicles: [{ exemption: 'none' }, { exemption: 'disabled_mobility' }],
      residences: 1,
      rigidSpending: [{ kind: 'medical', totalYuan: '25000.00' }],
      onDibao: true,
    });
    expect(q).toEqual({
      date: '2026-03-15',
      area: 'rural',
      members: [
        {
          age: 61,
          relation: 'head',
          disability: { category: 4, grade: 1 },
          seriousIllness: false,
          selfCare: {
            eating: true,
            dressing: true,
            bed_transfer: true,
            toileting: false,
            indoor_walking: true,
            bathing: false,
          },
          wageFenPerMonth: 120050,
          incomes: [{ kind: 'transfer_in', monthlyFen: 30000 }],
        },
      ],
      financialAssetsFen: 1_000_000,
      vehicles: [{ exemption: null }, { exemption: 'disabled_mobility' }],
      residences: 1,
      rigidSpending: [{ kind: 'medical', totalFen: 2_500_000 }],
      status: { onDibao: true, onTekun: false, isDibaoEdge: false },
    });
    expect(benefitQuoteInput.safeParse(q).success).toBe(true);
  });

  it('leaves empty amounts to the server defaults and needs a grade and a category for a disability', () => {
    const m = toMemberInput({ age: null, disabilityCategory: 5, wageYuan: '' });
    expect(m.age).toBeUndefined();
    expect(m.disability).toBeNull();
    expect(m.wageFenPerMonth).toBeUndefined();
    expect(m.relation).toBe('other');
  });

  it('sends a malformed amount as NaN (null on the wire) so the server names the field', () => {
    expect(fenOf('12.345')).toBeNaN();
    expect(JSON.parse(JSON.stringify({ x: fenOf('abc') }))).toEqual({ x: null });
    expect(fenOf(' ')).toBeUndefined();
  });
});

describe('resolveCalcField', () => {
  it('puts server fields at the form fields', () => {
    expect(resolveCalcField(['date'])).toEqual(['date']);
    expect(resolveCalcField(['financialAssetsFen'])).toEqual(['financialAssetsYuan']);
    expect(resolveCalcField(['members', 0, 'age'])).toEqual(['members', 0, 'age']);
    expect(resolveCalcField(['members', 2, 'wageFenPerMonth'])).toEqual(['members', 2, 'wageYuan']);
    expect(resolveCalcField(['members', 1, 'disability', 'grade'])).toEqual([
      'members',
      1,
      'disabilityGrade',
    ]);
    expect(resolveCalcField(['members', 1, 'incomes', 0, 'monthlyFen'])).toEqual([
      'members',
      1,
      'incomes',
      0,
      'monthlyYuan',
    ]);
    expect(resolveCalcField(['rigidSpending', 3, 'totalFen'])).toEqual(['rigidSpending', 3, 'totalYuan']);
  });
  it('lists the rest above the form', () => {
    expect(resolveCalcField(['members'])).toBeNull();
    expect(resolveCalcField(['status', 'onDibao'])).toBeNull();
  });
});

describe('formatYuan', () => {
  it('shows two decimals with thousands separators', () => {
    expect(formatYuan(160000)).toBe('1,600.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-123456)).toBe('-1,234.56');
    expect(formatYuan(undefined)).toBe('—');
  });
});
