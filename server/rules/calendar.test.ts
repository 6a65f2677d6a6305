import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkingDays,
  benefitStartMonth,
  buildCalendar,
  CalendarCoverageError,
  DEFAULT_CALENDAR,
  DIBAO_CHECK_START_WD,
  DIBAO_COUNTY_CONFIRMATION_WD,
  DIBAO_INVESTIGATION_START_WD,
  DIBAO_OVERALL_DELEGATED_WD,
  DIBAO_OVERALL_SPECIAL_WD,
  DIBAO_OVERALL_WD,
  DIBAO_REJECTION_NOTICE_WD,
  dayOfWeek,
  daysBetween,
  deadline,
  extendCalendar,
  isIsoDate,
  isLeapYear,
  isWorkingDay,
  monthsBetween,
  PUBLICITY_DAYS,
  publicityEnd,
  slaStatus,
  TEKUN_COUNTY_REVIEW_WD,
  TEKUN_INVESTIGATION_WD,
  TEKUN_REJECTION_NOTICE_WD,
  TEKUN_REOPINION_WD,
  workingDaysBetween,
} from './calendar.ts';
import { NOTICE_2025 } from './holidays.ts';

const CAL = DEFAULT_CALENDAR;
const N2025 = '国办发明电〔2024〕12号';
const N2026 = '2026 notice (2025-11-04)';
/** The same two years with no holidays at all: plain Monday–Friday, to show what the calendar changes. */
const PLAIN = buildCalendar([
  { year: 2025, source: 'test: no holidays', holidays: [], makeUpWorkdays: [] },
  { year: 2026, source: 'test: no holidays', holidays: [], makeUpWorkdays: [] },
]);

describe('isWorkingDay', () => {
  it.each([
    { date: '2025-03-14', working: true, src: '§2.1 plain Friday' },
    { date: '2025-03-15', working: false, src: '§2.1 plain Saturday' },
    { date: '2025-03-16', working: false, src: '§2.1 plain Sunday' },
    { date: '2026-03-14', working: false, src: '§2.1 plain Saturday' },
    { date: '2025-01-01', working: false, src: `${N2025} 元旦 (Wednesday off)` },
    { date: '2025-01-26', working: true, src: `${N2025} 春节 make-up Sunday` },
    { date: '2025-02-03', working: false, src: `${N2025} 春节 (Monday off)` },
    { date: '2025-02-08', working: true, src: `${N2025} 春节 make-up Saturday` },
    { date: '2025-04-27', working: true, src: `${N2025} 劳动节 make-up Sunday` },
    { date: '2025-05-31', working: false, src: `${N2025} 端午节 (Saturday, off anyway)` },
    { date: '2025-06-02', working: false, src: `${N2025} 端午节 (Monday off)` },
    { date: '2025-09-28', working: true, src: `${N2025} 国庆节、中秋节 make-up Sunday` },
    { date: '2025-10-08', working: false, src: `${N2025} 国庆节、中秋节 (Wednesday off)` },
    { date: '2025-10-09', working: true, src: `${N2025} first day back after 国庆` },
    { date: '2025-10-11', working: true, src: `${N2025} 国庆节、中秋节 make-up Saturday` },
    { date: '2025-10-12', working: false, src: `${N2025} plain Sunday after the make-up Saturday` },
    { date: '2026-01-02', working: false, src: `${N2026} 元旦 (Friday off)` },
    { date: '2026-01-04', working: true, src: `${N2026} 元旦 make-up Sunday` },
    { date: '2026-02-14', working: true, src: `${N2026} 春节 make-up Saturday` },
    { date: '2026-02-23', working: false, src: `${N2026} 春节 (Monday off)` },
    { date: '2026-02-28', working: true, src: `${N2026} 春节 make-up Saturday` },
    { date: '2026-05-09', working: true, src: `${N2026} 劳动节 make-up Saturday` },
    { date: '2026-09-20', working: true, src: `${N2026} 国庆节 make-up Sunday` },
    { date: '2026-09-25', working: false, src: `${N2026} 中秋节 (Friday off)` },
    { date: '2026-10-10', working: true, src: `${N2026} 国庆节 make-up Saturday` },
  ])('$date → $working ($src)', ({ date, working }) => {
    expect(isWorkingDay(date, CAL)).toBe(working);
  });

  it.each([
    { date: '2024-12-31', src: '§15: 2025–2026 shipped, 2027 provisional' },
    { date: '2028-01-04', src: '§15: 2025–2026 shipped, 2027 provisional' },
    { date: '1999-10-01', src: '§15: 2025–2026 shipped, 2027 provisional' },
  ])('refuses $date, outside the calendar, with a bilingual error ($src)', ({ date }) => {
    expect(() => isWorkingDay(date, CAL)).toThrow(CalendarCoverageError);
    try {
      isWorkingDay(date, CAL);
    } catch (e) {
      const err = e as CalendarCoverageError;
      expect(err.code).toBe('CALENDAR_YEAR_NOT_COVERED');
      expect(err.year).toBe(Number(date.slice(0, 4)));
      expect(err.coveredYears).toEqual([2025, 2026, 2027]);
      expect(err.messageZh).toContain('工作日历未覆盖');
      expect(err.messageEn).toContain('does not cover');
      expect(err).toBeInstanceOf(RangeError);
    }
  });

  it.each(['2025-02-29', '2025-13-01', '2025-1-05', '20250105', ''])('refuses malformed date %j', (date) => {
    expect(() => isWorkingDay(date, CAL)).toThrow(RangeError);
  });
});

describe('addWorkingDays / deadline across holidays (start day not counted, §2.1 [K])', () => {
  it.each([
    // 2025 National Day / Mid-Autumn: 09-28 (Sun) and 10-11 (Sat) count, 10-01…10-08 do not.
    { start: '2025-09-26', n: 1, expected: '2025-09-28', src: `${N2025} 六 (make-up Sunday counts)` },
    { start: '2025-09-26', n: 3, expected: '2025-09-30', src: `${N2025} 六` },
    { start: '2025-09-26', n: 4, expected: '2025-10-09', src: `${N2025} 六 (10-01…10-08 skipped)` },
    { start: '2025-09-26', n: 6, expected: '2025-10-11', src: `${N2025} 六 (make-up Saturday counts)` },
    { start: '2025-09-26', n: 10, expected: '2025-10-16', src: `${N2025} 六; S1 Art.20 10 WD` },
    // 2025 Spring Festival: 01-26 (Sun) and 02-08 (Sat) count, 01-28…02-04 do not.
    { start: '2025-01-24', n: 1, expected: '2025-01-26', src: `${N2025} 二 (make-up Sunday)` },
    { start: '2025-01-24', n: 3, expected: '2025-02-05', src: `${N2025} 二` },
    { start: '2025-01-24', n: 5, expected: '2025-02-07', src: `${N2025} 二` },
    { start: '2025-01-24', n: 6, expected: '2025-02-08', src: `${N2025} 二 (make-up Saturday)` },
    { start: '2025-01-24', n: 7, expected: '2025-02-10', src: `${N2025} 二 (02-09 plain Sunday)` },
    // 2025 Labour Day: 04-27 (Sun) counts, 05-01…05-05 do not.
    { start: '2025-04-25', n: 5, expected: '2025-05-06', src: `${N2025} 四` },
    // 2026 New Year across the year end: 01-01…01-03 off, 01-04 (Sun) works.
    { start: '2025-12-31', n: 1, expected: '2026-01-04', src: `${N2026} 一` },
    { start: '2025-12-31', n: 2, expected: '2026-01-05', src: `${N2026} 一` },
    // 2026 Spring Festival: 02-14 and 02-28 (Sat) count, 02-15…02-23 do not.
    { start: '2026-02-12', n: 1, expected: '2026-02-13', src: `${N2026} 二` },
    { start: '2026-02-12', n: 2, expected: '2026-02-14', src: `${N2026} 二 (make-up Saturday)` },
    { start: '2026-02-12', n: 3, expected: '2026-02-24', src: `${N2026} 二 (02-15…02-23 skipped)` },
    { start: '2026-02-12', n: 7, expected: '2026-02-28', src: `${N2026} 二 (make-up Saturday)` },
    { start: '2026-02-12', n: 8, expected: '2026-03-02', src: `${N2026} 二 (03-01 plain Sunday)` },
    // 2026 Labour Day: 05-01…05-05 off, 05-09 (Sat) works.
    { start: '2026-04-30', n: 1, expected: '2026-05-06', src: `${N2026} 四` },
    { start: '2026-04-30', n: 4, expected: '2026-05-09', src: `${N2026} 四 (make-up Saturday)` },
    // 2026 Mid-Autumn + National Day: 09-20 (Sun) and 10-10 (Sat) count.
    { start: '2026-09-18', n: 10, expected: '2026-10-09', src: `${N2026} 六、七` },
    { start: '2026-09-18', n: 11, expected: '2026-10-10', src: `${N2026} 七 (make-up Saturday)` },
    // n = 0 is the start itself; a start before the covered years is fine when only later days are walked.
    { start: '2025-10-05', n: 0, expected: '2025-10-05', src: '§2.1 (nothing to count)' },
    { start: '2024-12-31', n: 1, expected: '2025-01-02', src: `${N2025} 一 (start day not evaluated)` },
  ])('$start + $n WD = $expected ($src)', ({ start, n, expected }) => {
    expect(addWorkingDays(start, n, CAL)).toBe(expected);
    expect(deadline(start, n, CAL)).toBe(expected);
    if (n > 0) expect(workingDaysBetween(start, expected, CAL)).toBe(n);
  });

  it('differs from a plain Monday–Friday count across 国庆 2025 (§2.1: never a plain count)', () => {
    expect(addWorkingDays('2025-09-26', 10, PLAIN)).toBe('2025-10-10');
    expect(addWorkingDays('2025-09-26', 10, CAL)).toBe('2025-10-16');
  });

  it.each([
    { start: '2027-12-30', n: 5, src: '§15: 2028 not covered' },
    { start: '2027-12-31', n: 1, src: '§15: 2028 not covered' },
  ])('throws when the count runs past the calendar: $start + $n ($src)', ({ start, n }) => {
    expect(() => addWorkingDays(start, n, CAL)).toThrow(CalendarCoverageError);
  });

  it.each([-1, 1.5, Number.NaN])('refuses n = %s', (n) => {
    expect(() => addWorkingDays('2025-03-03', n, CAL)).toThrow(RangeError);
  });
});

describe('statutory limits (§3.6, §5.2)', () => {
  it.each([
    {
      name: 'DIBAO_INVESTIGATION_START_WD',
      value: DIBAO_INVESTIGATION_START_WD,
      expected: 3,
      src: 'S1 Art.15',
    },
    { name: 'DIBAO_CHECK_START_WD', value: DIBAO_CHECK_START_WD, expected: 3, src: 'S1 Art.17' },
    {
      name: 'DIBAO_COUNTY_CONFIRMATION_WD',
      value: DIBAO_COUNTY_CONFIRMATION_WD,
      expected: 10,
      src: 'S1 Art.20',
    },
    { name: 'DIBAO_REJECTION_NOTICE_WD', value: DIBAO_REJECTION_NOTICE_WD, expected: 3, src: 'S1 Art.21' },
    { name: 'DIBAO_OVERALL_WD', value: DIBAO_OVERALL_WD, expected: 30, src: 'S1 Art.22' },
    {
      name: 'DIBAO_OVERALL_DELEGATED_WD',
      value: DIBAO_OVERALL_DELEGATED_WD,
      expected: 20,
      src: 'S5 §四(一)',
    },
    { name: 'DIBAO_OVERALL_SPECIAL_WD', value: DIBAO_OVERALL_SPECIAL_WD, expected: 45, src: 'S1 Art.22' },
    { name: 'TEKUN_INVESTIGATION_WD', value: TEKUN_INVESTIGATION_WD, expected: 15, src: 'S2 Art.13' },
    { name: 'TEKUN_REOPINION_WD', value: TEKUN_REOPINION_WD, expected: 15, src: 'S2 Art.15 ¶2' },
    { name: 'TEKUN_COUNTY_REVIEW_WD', value: TEKUN_COUNTY_REVIEW_WD, expected: 15, src: 'S2 Art.16' },
    { name: 'TEKUN_REJECTION_NOTICE_WD', value: TEKUN_REJECTION_NOTICE_WD, expected: 3, src: 'S2 Art.18' },
    { name: 'PUBLICITY_DAYS', value: PUBLICITY_DAYS, expected: 7, src: 'S1 Art.19; S2 Art.15' },
  ])('$name = $expected ($src)', ({ value, expected }) => {
    expect(value).toBe(expected);
  });

  it.each([
    // 30 WD from Mon 2025-09-15 spans 国庆 2025 with both make-up days.
    { start: '2025-09-15', n: DIBAO_OVERALL_WD, due: '2025-10-31', src: `S1 Art.22; ${N2025} 六` },
    // 20 WD from Mon 2026-04-27 spans 劳动节 2026 and the make-up Saturday 05-09.
    { start: '2026-04-27', n: DIBAO_OVERALL_DELEGATED_WD, due: '2026-05-27', src: `S5 §四(一); ${N2026} 四` },
    // 15 WD from Mon 2026-02-09 spans 春节 2026 and both make-up Saturdays.
    { start: '2026-02-09', n: TEKUN_INVESTIGATION_WD, due: '2026-03-06', src: `S2 Art.13; ${N2026} 二` },
  ])('deadline($start, $n) = $due ($src)', ({ start, n, due }) => {
    expect(deadline(start, n, CAL)).toBe(due);
  });

  it.each([
    { on: '2025-10-16', used: 19, remaining: 11, overdue: false, src: 'S1 Art.22 (mid-way, after 国庆)' },
    { on: '2025-10-31', used: 30, remaining: 0, overdue: false, src: 'S1 Art.22 (last day on time)' },
    { on: '2025-11-01', used: 30, remaining: 0, overdue: true, src: 'S1 Art.22 (Saturday after: overdue)' },
    { on: '2025-11-03', used: 31, remaining: -1, overdue: true, src: 'S1 Art.22' },
  ])('slaStatus on $on: used $used, overdue $overdue ($src)', ({ on, used, remaining, overdue }) => {
    expect(slaStatus('2025-09-15', DIBAO_OVERALL_WD, on, CAL)).toEqual({
      due: '2025-10-31',
      used,
      remaining,
      overdue,
    });
  });
});

describe('workingDaysBetween', () => {
  it.each([
    // 2025: 261 weekdays − 18 weekday holidays + 5 make-up days.
    { a: '2024-12-31', b: '2025-12-31', wd: 248, src: N2025 },
    // 2026: 261 weekdays − 19 weekday holidays + 6 make-up days.
    { a: '2025-12-31', b: '2026-12-31', wd: 248, src: N2026 },
    { a: '2025-09-30', b: '2025-10-08', wd: 0, src: `${N2025} 六 (whole holiday)` },
    { a: '2025-09-27', b: '2025-09-28', wd: 1, src: `${N2025} 六 (make-up Sunday)` },
    { a: '2026-02-13', b: '2026-02-24', wd: 2, src: `${N2026} 二` },
    { a: '2026-02-24', b: '2026-02-13', wd: -2, src: '§2.1 (reversed)' },
    { a: '2025-06-03', b: '2025-06-03', wd: 0, src: '§2.1 (same day)' },
  ])('($a, $b] has $wd working days ($src)', ({ a, b, wd }) => {
    expect(workingDaysBetween(a, b, CAL)).toBe(wd);
  });

  it('throws when the range reaches an uncovered year (§15)', () => {
    expect(() => workingDaysBetween('2024-12-30', '2025-01-06', CAL)).toThrow(CalendarCoverageError);
    expect(() => workingDaysBetween('2027-12-01', '2028-01-06', CAL)).toThrow(CalendarCoverageError);
  });
});

describe('publicityEnd: 7 calendar days from the day after posting (S1 Art.19; §2.1 [K])', () => {
  it.each([
    { posted: '2026-03-02', days: 7, last: '2026-03-09', after: '2026-03-10', src: 'S1 Art.19' },
    { posted: '2026-01-28', days: 7, last: '2026-02-04', after: '2026-02-05', src: 'S1 Art.19 (Jan → Feb)' },
    { posted: '2025-02-25', days: 7, last: '2025-03-04', after: '2025-03-05', src: 'S1 Art.19 (28-day Feb)' },
    { posted: '2024-02-25', days: 7, last: '2024-03-03', after: '2024-03-04', src: 'S1 Art.19 (leap Feb)' },
    { posted: '2025-12-28', days: 7, last: '2026-01-04', after: '2026-01-05', src: 'S2 Art.15 (year end)' },
    { posted: '2025-04-30', days: 7, last: '2025-05-07', after: '2025-05-08', src: 'S1 Art.19 (Apr → May)' },
    // Calendar days: the holiday is not skipped and the end is not pushed past it (§2.1).
    { posted: '2025-09-30', days: 7, last: '2025-10-07', after: '2025-10-08', src: '§2.1 (through 国庆)' },
    { posted: '2026-04-28', days: 5, last: '2026-05-03', after: '2026-05-04', src: '§2.1 (parameter)' },
  ])('posted $posted, $days days → last $last, free from $after ($src)', ({ posted, days, last, after }) => {
    expect(publicityEnd(posted, days)).toEqual({
      firstDay: addDays(posted, 1),
      lastDay: last,
      firstDayAfter: after,
    });
  });

  it('defaults to PUBLICITY_DAYS (S1 Art.19)', () => {
    expect(publicityEnd('2026-03-02')).toEqual(publicityEnd('2026-03-02', 7));
  });

  it.each([0, -7, 2.5])('refuses days = %s', (days) => {
    expect(() => publicityEnd('2026-03-02', days)).toThrow(RangeError);
  });
});

describe('benefitStartMonth: first day of the next month (S1 Art.21; S2 Art.17; §2.1)', () => {
  it.each([
    { decided: '2026-01-31', start: '2026-02-01', src: 'S1 Art.21' },
    { decided: '2026-01-01', start: '2026-02-01', src: 'S1 Art.21 (first of month still waits)' },
    { decided: '2026-12-15', start: '2027-01-01', src: 'S1 Art.21 (year end)' },
    { decided: '2025-12-31', start: '2026-01-01', src: 'S2 Art.17 (year end)' },
    { decided: '2024-02-29', start: '2024-03-01', src: 'S2 Art.17 (leap day)' },
    { decided: '2026-06-30', start: '2026-07-01', src: 'S1 Art.21' },
  ])('decided $decided → benefit from $start ($src)', ({ decided, start }) => {
    expect(benefitStartMonth(decided)).toBe(start);
  });
});

describe('plain date arithmetic (UTC)', () => {
  it.each([
    { date: '2026-01-31', n: 1, expected: '2026-02-28', src: 'clamp to month end' },
    { date: '2024-01-31', n: 1, expected: '2024-02-29', src: 'clamp, leap year' },
    { date: '2026-03-31', n: -1, expected: '2026-02-28', src: 'clamp backwards' },
    { date: '2026-08-31', n: 1, expected: '2026-09-30', src: 'clamp to 30' },
    { date: '2025-12-15', n: 1, expected: '2026-01-15', src: 'year end' },
    { date: '2026-01-15', n: -1, expected: '2025-12-15', src: 'year start backwards' },
    { date: '2024-02-29', n: 12, expected: '2025-02-28', src: 'leap day + 1 year' },
    { date: '2026-01-31', n: 13, expected: '2027-02-28', src: 'more than a year' },
    { date: '2026-05-10', n: 0, expected: '2026-05-10', src: 'zero' },
  ])('addMonths($date, $n) = $expected ($src)', ({ date, n, expected }) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    { a: '2026-01-31', b: '2026-02-28', m: 1, src: 'matches addMonths clamping' },
    { a: '2026-01-15', b: '2026-02-14', m: 0, src: 'one day short' },
    { a: '2026-01-15', b: '2026-02-15', m: 1, src: 'exact' },
    { a: '2025-01-01', b: '2026-01-01', m: 12, src: 'a year' },
    { a: '2025-03-01', b: '2026-02-28', m: 11, src: '§15 12-month look-back, one day short' },
    { a: '2026-02-15', b: '2026-01-15', m: -1, src: 'reversed' },
    { a: '2026-02-15', b: '2026-02-15', m: 0, src: 'same day' },
  ])('monthsBetween($a, $b) = $m ($src)', ({ a, b, m }) => {
    expect(monthsBetween(a, b)).toBe(m);
  });

  it.each([
    [2024, true],
    [2025, false],
    [2026, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('isLeapYear(%i) = %s (Gregorian rule)', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    { date: '1970-01-01', dow: 4, src: 'epoch was a Thursday' },
    { date: '2025-01-01', dow: 3, src: `${N2025} 元旦（周三）` },
    { date: '2026-01-01', dow: 4, src: `${N2026} 元旦（周四）` },
    { date: '2025-01-26', dow: 7, src: `${N2025} 1月26日（周日）` },
    { date: '2000-02-29', dow: 2, src: 'leap day 2000 was a Tuesday' },
  ])('dayOfWeek($date) = $dow ($src)', ({ date, dow }) => {
    expect(dayOfWeek(date)).toBe(dow);
  });

  it.each(['2026-02-29', '2026-04-31', '2026-00-10', 'x'])('isIsoDate(%j) is false', (d) => {
    expect(isIsoDate(d)).toBe(false);
  });
});

describe('bureau overrides (buildCalendar / extendCalendar)', () => {
  const LOCAL = {
    year: 2026,
    source: 'test: a bureau-declared local day off',
    holidays: [{ date: '2026-03-10', name: '地方假日' }],
    makeUpWorkdays: [],
  };

  it("merge adds a bureau's local day off and keeps the national days", () => {
    const cal = extendCalendar(CAL, [LOCAL], 'merge');
    expect(isWorkingDay('2026-03-10', CAL)).toBe(true);
    expect(isWorkingDay('2026-03-10', cal)).toBe(false);
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(isWorkingDay('2026-02-16', cal)).toBe(false);
    expect(cal.notices.find((n) => n.year === 2026)?.source).toContain('2026年部分节假日安排');
  });

  it('replace swaps out the whole year', () => {
    const cal = extendCalendar(CAL, [LOCAL]);
    expect(isWorkingDay('2026-03-10', cal)).toBe(false);
    expect(isWorkingDay('2026-02-16', cal)).toBe(true);
    expect(isWorkingDay('2025-10-08', cal)).toBe(false);
  });

  it('a new year extends coverage, and the State Council notice replaces the provisional year (§15)', () => {
    const cal = extendCalendar(CAL, [
      {
        year: 2028,
        source: 'test: 2028 notice',
        holidays: [{ date: '2028-01-03', name: '元旦' }],
        makeUpWorkdays: [],
      },
      {
        year: 2027,
        source: 'test: 2027 notice',
        holidays: [{ date: '2027-01-01', name: '元旦' }],
        makeUpWorkdays: [{ date: '2027-02-20', name: '春节' }],
      },
    ]);
    expect(isWorkingDay('2028-01-03', cal)).toBe(false);
    expect(addWorkingDays('2027-12-31', 1, cal)).toBe('2028-01-04');
    expect(() => isWorkingDay('2028-01-04', CAL)).toThrow(CalendarCoverageError);
    // The provisional 2027 has the statutory 春节 days off; the real notice replaces it whole.
    expect(isWorkingDay('2027-02-08', CAL)).toBe(false);
    expect(isWorkingDay('2027-02-08', cal)).toBe(true);
    expect(isWorkingDay('2027-02-20', cal)).toBe(true);
  });

  it.each([
    {
      why: 'make-up working day on a weekday',
      notice: { ...NOTICE_2025, makeUpWorkdays: [{ date: '2025-03-12', name: 'x' }] },
    },
    {
      why: 'date outside the notice year',
      notice: { ...NOTICE_2025, holidays: [{ date: '2026-01-01', name: 'x' }] },
    },
    {
      why: 'date both off and working',
      notice: {
        ...NOTICE_2025,
        holidays: [{ date: '2025-01-26', name: 'x' }],
        makeUpWorkdays: [{ date: '2025-01-26', name: 'x' }],
      },
    },
    { why: 'impossible date', notice: { ...NOTICE_2025, holidays: [{ date: '2025-02-30', name: 'x' }] } },
    { why: 'no source', notice: { ...NOTICE_2025, source: ' ' } },
  ])('rejects invalid data: $why', ({ notice }) => {
    expect(() => buildCalendar([notice])).toThrow(RangeError);
  });

  it('merge refuses a day that would be both off and a working day', () => {
    const clash = {
      year: 2026,
      source: 'test',
      holidays: [{ date: '2026-02-14', name: 'x' }],
      makeUpWorkdays: [],
    };
    expect(() => extendCalendar(CAL, [clash], 'merge')).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties over the covered range
// ---------------------------------------------------------------------------------------------------

const FIRST = '2025-01-01';
/** Start dates whose 1–40 WD results stay inside 2026. */
const startArb = fc.integer({ min: 0, max: daysBetween(FIRST, '2026-10-31') }).map((i) => addDays(FIRST, i));
const coveredArb = fc
  .integer({ min: 0, max: daysBetween(FIRST, '2026-12-31') })
  .map((i) => addDays(FIRST, i));
const nArb = fc.integer({ min: 1, max: 40 });

describe('properties (§2.1)', () => {
  it('addWorkingDays(d, n) is a working day for n ≥ 1', () => {
    fc.assert(
      fc.property(startArb, nArb, (d, n) => {
        expect(isWorkingDay(addWorkingDays(d, n, CAL), CAL)).toBe(true);
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 40 }), (d, n) => {
        expect(workingDaysBetween(d, addWorkingDays(d, n, CAL), CAL)).toBe(n);
      }),
    );
  });

  it('addWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(startArb, nArb, nArb, (d, n1, n2) => {
        fc.pre(n1 !== n2);
        const [lo, hi] = n1 < n2 ? [n1, n2] : [n2, n1];
        expect(addWorkingDays(d, lo, CAL) < addWorkingDays(d, hi, CAL)).toBe(true);
      }),
    );
  });

  it('no working day is skipped: every day strictly between d + (n−1) and d + n WD is off', () => {
    fc.assert(
      fc.property(startArb, nArb, (d, n) => {
        const prev = addWorkingDays(d, n - 1, CAL);
        const next = addWorkingDays(d, n, CAL);
        for (let x = addDays(prev, 1); x < next; x = addDays(x, 1)) expect(isWorkingDay(x, CAL)).toBe(false);
      }),
    );
  });

  it('a backwards span without working days is 0, not -0 (found by the additivity property)', () => {
    // 2025-10-04 and 2025-10-05 fall in the National Day holiday (国办发明电〔2024〕12号).
    expect(Object.is(workingDaysBetween('2025-10-05', '2025-10-04', CAL), 0)).toBe(true);
  });

  it('workingDaysBetween is additive: (a,b] + (b,c] = (a,c]', () => {
    fc.assert(
      fc.property(coveredArb, coveredArb, coveredArb, (a, b, c) => {
        expect(workingDaysBetween(a, b, CAL) + workingDaysBetween(b, c, CAL)).toBe(
          workingDaysBetween(a, c, CAL),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('a weekend day is a working day only if it is a listed make-up day; a weekday only if not a holiday', () => {
    fc.assert(
      fc.property(coveredArb, (d) => {
        const weekend = dayOfWeek(d) >= 6;
        const expected = weekend ? CAL.makeUpWorkdays.has(d) : !CAL.holidays.has(d);
        expect(isWorkingDay(d, CAL)).toBe(expected);
      }),
    );
  });

  const anyDate = fc
    .integer({ min: 0, max: daysBetween('1900-01-01', '2199-12-31') })
    .map((i) => addDays('1900-01-01', i));

  it('addDays / daysBetween / dayOfWeek agree', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const e = addDays(d, n);
        expect(isIsoDate(e)).toBe(true);
        expect(daysBetween(d, e)).toBe(n);
        expect(dayOfWeek(e)).toBe(((((dayOfWeek(d) - 1 + n) % 7) + 7) % 7) + 1);
      }),
    );
  });

  it('monthsBetween(d, addMonths(d, n)) === n, and addMonths never overshoots the target month', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -240, max: 240 }), (d, n) => {
        const e = addMonths(d, n);
        expect(monthsBetween(d, e)).toBe(n);
        expect(Number(e.slice(8))).toBeLessThanOrEqual(Number(d.slice(8)));
      }),
    );
  });

  it('publicity: last day is `days` calendar days after posting; the next day is free (§2.1)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (d, days) => {
        const p = publicityEnd(d, days);
        expect(daysBetween(d, p.lastDay)).toBe(days);
        expect(addDays(p.lastDay, 1)).toBe(p.firstDayAfter);
      }),
    );
  });

  it('benefit starts on the 1st, in the month after the decision (S1 Art.21)', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const s = benefitStartMonth(d);
        expect(s.endsWith('-01')).toBe(true);
        expect(s > d).toBe(true);
        expect(monthsBetween(`${d.slice(0, 7)}-01`, s)).toBe(1);
      }),
    );
  });
});
