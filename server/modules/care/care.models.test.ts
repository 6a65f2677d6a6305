import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  basisFen,
  coveredDays,
  DEFAULT_PLANS,
  drawSample,
  findOverlap,
  planFor,
  requiredVisits,
  sampleSize,
  validateVisit,
} from './care.models.ts';

// §5.4 CareServiceContract / §9.1 ServiceVisitLog rules, pure.

const cov = (serviceType: string, fromOn: string, toOn: string, personId = 'P1') => ({
  personId,
  serviceType,
  fromOn,
  toOn,
});

describe('a person cannot be in two overlapping contracts for the same service (§5.4)', () => {
  const existing = [cov('HOME_CARE', '2026-01-01', '2026-06-30')];
  it.each([
    ['same service, overlapping by one day', cov('HOME_CARE', '2026-06-30', '2026-12-31'), true],
    ['same service, inside the other', cov('HOME_CARE', '2026-03-01', '2026-03-31'), true],
    ['same service, covering the other', cov('HOME_CARE', '2025-12-01', '2027-01-31'), true],
    [
      'same service, adjacent period (starts the day after)',
      cov('HOME_CARE', '2026-07-01', '2026-12-31'),
      false,
    ],
    ['same service, ends the day before', cov('HOME_CARE', '2025-01-01', '2025-12-31'), false],
    ['different service, same dates', cov('MEAL', '2026-01-01', '2026-06-30'), false],
    ['another person, same service and dates', cov('HOME_CARE', '2026-01-01', '2026-06-30', 'P2'), false],
  ])('%s → refused: %s', (_n, next, refused) => {
    expect(findOverlap(existing, next) !== null).toBe(refused);
  });
});

describe('care plan from the self-care level (§5.3)', () => {
  it('takes the level default, never fewer visits than the contract, only items the contract buys', () => {
    expect(
      planFor(DEFAULT_PLANS.SELF_CARE, { visitsPerMonth: 6, items: ['HEALTH_CHECK', 'MEAL_HELP'] }),
    ).toEqual({
      visitsPerMonth: 6,
      minMinutes: 30,
      items: ['HEALTH_CHECK'],
    });
    expect(planFor(DEFAULT_PLANS.FULL_LOSS, { visitsPerMonth: 4, items: ['COUNSELLING'] })).toMatchObject({
      visitsPerMonth: 20,
      items: ['COUNSELLING'],
    });
  });
});

describe('verification math: pro rata, rounded down to the fen', () => {
  it.each([
    // fee, covered days, days, counted, required → basis
    ['full month, enough visits', 60_000, 31, 31, 4, 4, 60_000],
    ['full month, more visits than required', 60_000, 31, 31, 9, 4, 60_000],
    ['full month, half the visits', 60_000, 30, 30, 2, 4, 30_000],
    ['no visit at all', 60_000, 30, 30, 0, 4, 0],
    [
      'part month 21/31, 3 of 6 visits (rounding: 40,645.16 → 40,645 → 20,322.5 → 20,322)',
      60_000,
      21,
      31,
      3,
      6,
      20_322,
    ],
    ['part month 10/30 of 1,000 元, all visits (33,333.3 → 33,333)', 100_000, 10, 30, 4, 4, 33_333],
    ['not covered this month', 60_000, 0, 31, 0, 0, 0],
  ])('%s', (_n, fee, covered, days, counted, required, basis) => {
    expect(basisFen(fee, covered, days, counted, required)).toBe(basis);
  });

  it('visits owed are pro rata to the days covered, rounded up', () => {
    expect(requiredVisits(8, 21, 31)).toBe(6);
    expect(requiredVisits(4, 31, 31)).toBe(4);
    expect(requiredVisits(4, 1, 30)).toBe(1);
    expect(requiredVisits(4, 0, 30)).toBe(0);
    expect(coveredDays('2026-05-01', { fromOn: '2026-05-11', toOn: '2026-12-31' })).toBe(21);
    expect(coveredDays('2026-02-01', { fromOn: '2026-01-01', toOn: '2026-12-31' })).toBe(28);
    expect(coveredDays('2026-07-01', { fromOn: '2026-01-01', toOn: '2026-06-30' })).toBe(0);
  });

  it('the basis never exceeds the month fee and never goes negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 31 }),
        fc.nat(40),
        fc.integer({ min: 1, max: 62 }),
        (fee, covered, counted, required) => {
          const b = basisFen(fee, covered, 31, counted, required);
          return Number.isInteger(b) && b >= 0 && b <= Math.floor((fee * covered) / 31);
        },
      ),
    );
  });

  it('the town samples 10 % of the visits (at least one), reproducibly from the seed', () => {
    expect([0, 1, 8, 10, 11, 500].map(sampleSize)).toEqual([0, 1, 1, 1, 2, 20]);
    const ids = Array.from({ length: 30 }, (_, i) => `v${i}`);
    expect(drawSample(ids, 3, 'seed')).toEqual(drawSample(ids, 3, 'seed'));
    expect(new Set(drawSample(ids, 3, 'seed')).size).toBe(3);
  });
});

describe('visit validation (§9.1 geo, photo, duration)', () => {
  const now = new Date('2026-06-10T12:00:00+08:00');
  const at = (hm: string) => new Date(`2026-06-10T${hm}:00+08:00`);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  const base = {
    startedAt: at('09:00'),
    endedAt: at('10:00'),
    now,
    gps: null,
    files: [],
    healthEvent: false,
    healthNote: null,
  };
  it.each([
    ['a valid visit', {}, []],
    ['ends before it starts', { endedAt: at('08:30') }, ['endedAt']],
    ['shorter than 10 minutes', { endedAt: at('09:05') }, ['endedAt']],
    ['longer than 8 hours', { startedAt: new Date('2026-06-09T20:00:00+08:00') }, ['endedAt']],
    ['in the future', { startedAt: at('12:30'), endedAt: at('13:30') }, ['endedAt']],
    ['GPS in China', { gps: { lat: 36.2, lng: 117.1 } }, []],
    ['GPS outside China (lat/lng swapped)', { gps: { lat: 117.1, lng: 36.2 } }, ['gps']],
    ['a PNG photo', { files: [{ field: 'photo', mime: 'image/png', bytes: png }] }, []],
    [
      'a photo declared PNG that is not one',
      { files: [{ field: 'photo', mime: 'image/png', bytes: Buffer.from('GIF89a') }] },
      ['photo'],
    ],
    [
      'a photo over 2 MB',
      { files: [{ field: 'photo', mime: 'image/jpeg', bytes: Buffer.alloc(2 * 1024 * 1024 + 1, 0xff) }] },
      ['photo'],
    ],
    ['a health event without a note', { healthEvent: true }, ['healthNote']],
  ])('%s → issues %j', (_n, over, fields) => {
    expect(validateVisit({ ...base, ...over }).map((i) => i.field)).toEqual(fields);
  });
});
