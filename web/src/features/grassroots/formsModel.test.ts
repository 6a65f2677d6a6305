import { describe, expect, it } from 'vitest';
import type { ComplaintView, WeightsView } from '../../api/grassroots.ts';
import {
  canSetWeights,
  checkWeights,
  sortComplaints,
  weightsInForce,
  weightsIssuePath,
} from './formsModel.ts';

// The built-in weights of server/modules/grassroots/assessment.models.ts (DEFAULT_WEIGHTS).
const defaults = {
  de: 10,
  neng: 15,
  qin: 15,
  ji: 15,
  lian: 10,
  visits: 15,
  alerts: 10,
  quality: 5,
  complaints: 5,
};
const row = (effectiveFrom: string, de: number): WeightsView => ({
  effectiveFrom,
  weights: { ...defaults, de, neng: defaults.neng - (de - defaults.de) },
  note: '',
  builtIn: false,
});
const builtIn: WeightsView = {
  effectiveFrom: '',
  weights: defaults,
  note: '系统默认 built-in',
  builtIn: true,
};

describe('weights check (contracts/grassroots.ts weightsInput, §9.6)', () => {
  it('accepts whole percentages that sum to exactly 100', () => {
    expect(checkWeights(defaults)).toEqual({ ok: true, sum: 100 });
  });
  it.each([
    ['sum below 100', { ...defaults, de: 9 }, 99, []],
    ['sum above 100', { ...defaults, de: 11 }, 101, []],
    ['a fraction', { ...defaults, de: 9.5, neng: 15.5 }, 75, ['de', 'neng']],
    ['a negative weight', { ...defaults, de: -5, neng: 30 }, 105, ['de']],
    ['a weight over 100', { ...defaults, de: 101 }, 90, ['de']],
    ['a missing weight', { ...defaults, complaints: undefined }, 95, ['complaints']],
  ])('refuses %s and reports the sum of the valid weights', (_, w, sum, bad) => {
    expect(checkWeights(w)).toEqual({ ok: false, sum, bad });
  });
  it('allows a dimension at 0 and all weight on one item', () => {
    const zero = Object.fromEntries(Object.keys(defaults).map((k) => [k, 0]));
    expect(checkWeights({ ...zero, ji: 100 }).ok).toBe(true);
  });
});

describe('weights in force for a month (the server reads them on the first day)', () => {
  const items = [row('2026-11', 20), row('2026-07', 12), builtIn];
  it.each([
    ['2026-06', ''],
    ['2026-07', '2026-07'],
    ['2026-10', '2026-07'],
    ['2026-11', '2026-11'],
    ['2027-03', '2026-11'],
  ])('%s is assessed with the weights from %s (empty: built-in)', (month, from) => {
    expect(weightsInForce(items, month)?.effectiveFrom).toBe(from);
  });
  it('is null before the list loads', () => {
    expect(weightsInForce([], '2026-10')).toBeNull();
  });
});

describe('who may set the weights (weights.usecases.ts setWeights)', () => {
  it.each([
    [true, '370971', true],
    [true, '370971001', false],
    [false, '370971', false],
  ])('assess=%s in %s → %s', (assess, code, ok) => {
    expect(canSetWeights(assess, code)).toBe(ok);
  });
});

describe('server issues of the weights form', () => {
  it('puts the sum issue above the form and a weight issue at its field', () => {
    expect(weightsIssuePath(['weights'])).toBeNull();
    expect(weightsIssuePath(['weights', 'de'])).toEqual(['weights', 'de']);
    expect(weightsIssuePath(['effectiveFrom'])).toEqual(['effectiveFrom']);
  });
});

describe('complaints list order', () => {
  const c = (id: string, receivedOn: string, recordedAt: string) =>
    ({ id, receivedOn, recordedAt }) as ComplaintView;
  it('lists the newest received first, then the latest recorded', () => {
    const out = sortComplaints([
      c('a', '2026-10-02', '2026-10-03T01:00:00Z'),
      c('b', '2026-10-05', '2026-10-05T01:00:00Z'),
      c('c', '2026-10-02', '2026-10-04T01:00:00Z'),
    ]);
    expect(out.map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
});
