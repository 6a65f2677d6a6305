import { describe, expect, it } from 'vitest';
import { conditionText, fieldLabel, sourceOf, valueText } from './feedValues.ts';

// What a caseworker reads of a rule or an alert's evidence: headings, not keys; yuan, not fen;
// labels, not codes.
describe('feed values in words', () => {
  const medical = sourceOf('MEDICAL_EXPENSE');
  const vehicle = sourceOf('VEHICLE');

  it.each([
    ['个人自付（元） ≥ 15000.00', medical, { field: 'outOfPocketFen', op: 'gte', value: 1_500_000 }, 'zh'],
    [
      'out of pocket (yuan) ≥ 15000.00',
      medical,
      { field: 'outOfPocketFen', op: 'gte', value: 1_500_000 },
      'en',
    ],
    [
      '车辆类型 属于 小型汽车、货车',
      vehicle,
      { field: 'vehicleType', op: 'in', value: ['CAR', 'TRUCK'] },
      'zh',
    ],
    [
      '个人存款是否超限 = 是',
      sourceOf('DEPOSITS'),
      { field: 'personalOverLimit', op: 'eq', value: true },
      'zh',
    ],
    ['mystery ≠ X', undefined, { field: 'mystery', op: 'neq', value: 'X' }, 'en'],
  ] as const)('reads "%s"', (text, src, c, lang) => {
    expect(conditionText(src, { ...c, value: c.value as never }, lang)).toBe(text);
  });

  it('gives a computed …Fen figure its unit and leaves free text as it is', () => {
    expect(valueText(undefined, 'incomeFen', 123_456, 'zh')).toBe('1234.56 元');
    expect(valueText(medical, 'hospital', '第1人民医院', 'zh')).toBe('第1人民医院');
    expect(fieldLabel(medical, 'hospital', 'zh')).toBe('医疗机构');
  });
});
