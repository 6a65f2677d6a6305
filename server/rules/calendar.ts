// Calendar rules (domain-rules §2.1 time units; SLAs of §3.6, §5.2; defaults of §15).
// Pure functions on 'YYYY-MM-DD' strings (Asia/Shanghai calendar dates). Arithmetic is done on UTC
// day numbers only, so no time zone or daylight-saving rule can move a date. Nothing here reads "now".
import { type CalendarDay, HOLIDAY_NOTICES, type HolidayNotice } from './holidays.ts';

// ---------------------------------------------------------------------------------------------------
// Statutory limits. WD = working days (工作日, §2.1 [V]); publicity is in calendar days.
// ---------------------------------------------------------------------------------------------------

/** 低保: township starts the family economic investigation ≤ 3 WD after 受理 (S1 Art.15, §3.6). */
export const DIBAO_INVESTIGATION_START_WD = 3;
/** 低保: county 核对机构 starts the information check ≤ 3 WD after the township's request (S1 Art.17, §3.6). */
export const DIBAO_CHECK_START_WD = 3;
/** 低保: county 审核确认意见 ≤ 10 WD after receiving the township's materials (S1 Art.20, §3.6). */
export const DIBAO_COUNTY_CONFIRMATION_WD = 10;
/** 低保: written rejection with reasons, through the township, ≤ 3 WD after the decision (S1 Art.21, §3.6). */
export const DIBAO_REJECTION_NOTICE_WD = 3;
/** 低保: whole procedure ≤ 30 WD from 受理 (S1 Art.22, §3.6). */
export const DIBAO_OVERALL_WD = 30;
/** 低保: whole procedure ≤ 20 WD when confirmation is delegated to the township (S5 §四(一), §3.6). */
export const DIBAO_OVERALL_DELEGATED_WD = 20;
/** 低保: special cases (objection, 人户分离, away from 户籍, hard to investigate) ≤ 45 WD (S1 Art.22; S5 §四(一)). */
export const DIBAO_OVERALL_SPECIAL_WD = 45;
/** 特困: investigation and 初审意见 ≤ 15 WD from acceptance (S2 Art.13, §5.2). */
export const TEKUN_INVESTIGATION_WD = 15;
/** 特困: after an objection in publicity, a new opinion ≤ 15 WD, then re-publicize (S2 Art.15 ¶2, §5.2). */
export const TEKUN_REOPINION_WD = 15;
/** 特困: county review (with ≥ 30 % spot check) ≤ 15 WD (S2 Art.16, §5.2). */
export const TEKUN_COUNTY_REVIEW_WD = 15;
/** 特困: written rejection with reasons, through the township, ≤ 3 WD (S2 Art.18, §5.2). */
export const TEKUN_REJECTION_NOTICE_WD = 3;
/** Publicity "公示期为7天": CALENDAR days, counted from the day after posting (S1 Art.19; S2 Art.15, Art.26; §2.1). */
export const PUBLICITY_DAYS = 7;
/** Alert verification deadline, Huijiu default (§15 [U]; a parameter). */
export const ALERT_VERIFICATION_WD = 10;
/**
 * 临时救助 urgent first aid, local service standard (§6.3 [U]; parameter `urgent_first_aid_sla_hours`).
 * Counted in hours from the report time, so it is not a date rule; exported only so there is one value.
 */
export const URGENT_FIRST_AID_SLA_HOURS = 24;

// ---------------------------------------------------------------------------------------------------
// Plain date arithmetic (UTC day numbers)
// ---------------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const isLeapYear = (year: number): boolean =>
  Number.isInteger(year) && (year % 4 === 0 ? year % 100 !== 0 || year % 400 === 0 : false);

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

type Ymd = { y: number; m: number; d: number };

function parse(date: string, fn: string): Ymd {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match) {
    const y = Number(match[1]);
    const m = Number(match[2]);
    const d = Number(match[3]);
    if (y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return { y, m, d };
  }
  throw new RangeError(
    `${fn}: 日期 "${date}" 不是有效的 YYYY-MM-DD | "${date}" is not a valid YYYY-MM-DD date`,
  );
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const format = ({ y, m, d }: Ymd): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** Days since 1970-01-01 (UTC). */
function toDayNumber({ y, m, d }: Ymd): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / MS_PER_DAY);
}

function fromDayNumber(n: number): Ymd {
  const t = new Date(n * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function assertInteger(n: number, what: string, fn: string): void {
  if (!Number.isSafeInteger(n))
    throw new RangeError(`${fn}: ${what} 须为整数 | ${what} must be an integer, got ${n}`);
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(date: string): boolean {
  try {
    parse(date, 'isIsoDate');
    return true;
  } catch {
    return false;
  }
}

/** ISO weekday: 1 = Monday (周一) … 6 = Saturday (周六), 7 = Sunday (周日). */
export function dayOfWeek(date: string): number {
  const n = toDayNumber(parse(date, 'dayOfWeek'));
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  assertInteger(n, 'n', 'addDays');
  return format(fromDayNumber(toDayNumber(parse(date, 'addDays')) + n));
}

/** Calendar days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(parse(b, 'daysBetween')) - toDayNumber(parse(a, 'daysBetween'));
}

/** Same day `n` months later (or earlier), clamped to the end of a shorter month: 01-31 + 1 → 02-28/29. */
export function addMonths(date: string, n: number): string {
  assertInteger(n, 'n', 'addMonths');
  const { y, m, d } = parse(date, 'addMonths');
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  if (ny < 1 || ny > 9999)
    throw new RangeError(`addMonths: 结果超出公元 1–9999 年 | result outside years 1–9999`);
  return format({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/**
 * Whole months from `a` to `b`: for b ≥ a, the largest m with addMonths(a, m) ≤ b
 * (so 2026-01-31 → 2026-02-28 is 1 month, 2026-01-15 → 2026-02-14 is 0). For b < a, −monthsBetween(b, a).
 */
export function monthsBetween(a: string, b: string): number {
  const pa = parse(a, 'monthsBetween');
  const pb = parse(b, 'monthsBetween');
  if (b < a) return -monthsBetween(b, a);
  const m = (pb.y - pa.y) * 12 + (pb.m - pa.m);
  return addMonths(a, m) <= b ? m : m - 1;
}

/**
 * Benefit start: "从作出确认同意决定之日下月起" (S1 Art.21) / "从确认之日下月起" (S2 Art.17), §2.1:
 * the first day of the month after the decision date. 2026-01-31 → 2026-02-01; 2026-12-15 → 2027-01-01.
 */
export function benefitStartMonth(decisionDate: string): string {
  const { y, m } = parse(decisionDate, 'benefitStartMonth');
  return m === 12 ? format({ y: y + 1, m: 1, d: 1 }) : format({ y, m: m + 1, d: 1 });
}

export type PublicityPeriod = {
  /** First day of publicity: the day after posting. */
  firstDay: string;
  /** Last day of publicity (objections are still timely on this day). */
  lastDay: string;
  /** First day after publicity: the earliest day the case may move on. */
  firstDayAfter: string;
};

/**
 * Publicity "公示期为7天" (S1 Art.19; S2 Art.15, Art.26): calendar days, not working days [V], counted
 * from the day after posting [K] (§2.1). Posted 2026-01-28 → days 01-29 … 02-04; free from 02-05.
 * `days` is a parameter (§2.1) in case a local rule reads the period differently.
 */
export function publicityEnd(postedOn: string, days: number = PUBLICITY_DAYS): PublicityPeriod {
  assertInteger(days, 'days', 'publicityEnd');
  if (days < 1) throw new RangeError(`publicityEnd: 公示天数须 ≥ 1 | days must be ≥ 1, got ${days}`);
  return {
    firstDay: addDays(postedOn, 1),
    lastDay: addDays(postedOn, days),
    firstDayAfter: addDays(postedOn, days + 1),
  };
}

// ---------------------------------------------------------------------------------------------------
// Holiday calendar
// ---------------------------------------------------------------------------------------------------

/** A built, validated working-day calendar. Build with `buildCalendar` / `extendCalendar`, never by hand. */
export type HolidayCalendar = {
  /** The notices it was built from, one per year (a later notice for the same year has replaced or been merged in). */
  readonly notices: readonly HolidayNotice[];
  /** Years for which an answer is defined; any other year throws CalendarCoverageError. */
  readonly years: ReadonlySet<number>;
  /** date → holiday name, for days off. */
  readonly holidays: ReadonlyMap<string, string>;
  /** date → holiday name, for weekend days declared working days (调休上班). */
  readonly makeUpWorkdays: ReadonlyMap<string, string>;
};

/** Thrown when a date falls in a year the calendar does not cover: never guess a working day. */
export class CalendarCoverageError extends RangeError {
  readonly code = 'CALENDAR_YEAR_NOT_COVERED';
  readonly date: string;
  readonly year: number;
  readonly coveredYears: readonly number[];
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(date: string, coveredYears: readonly number[]) {
    const year = Number(date.slice(0, 4));
    const list = coveredYears.length ? coveredYears.join('、') : '无';
    const messageZh = `工作日历未覆盖 ${year} 年（日期 ${date}；已覆盖：${list}），请先录入该年国务院节假日安排`;
    const messageEn = `the working-day calendar does not cover ${year} (date ${date}; covered: ${
      coveredYears.length ? coveredYears.join(', ') : 'none'
    }); enter that year's State Council holiday notice first`;
    super(`${messageZh} | ${messageEn}`);
    this.name = 'CalendarCoverageError';
    this.date = date;
    this.year = year;
    this.coveredYears = coveredYears;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

function invalid(zh: string, en: string): never {
  throw new RangeError(`工作日历数据错误：${zh} | invalid holiday calendar data: ${en}`);
}

function validateNotice(n: HolidayNotice): void {
  if (!Number.isInteger(n.year) || n.year < 1 || n.year > 9999) invalid(`年份 ${n.year}`, `year ${n.year}`);
  if (!n.source?.trim()) invalid(`${n.year} 年缺少来源`, `${n.year} has no source`);
  const seen = new Set<string>();
  const check = (list: readonly CalendarDay[], kind: 'holiday' | 'makeUp'): void => {
    for (const { date, name } of list) {
      if (!isIsoDate(date)) invalid(`日期 "${date}" 无效`, `"${date}" is not a valid date`);
      if (Number(date.slice(0, 4)) !== n.year)
        invalid(`${date} 不属于 ${n.year} 年`, `${date} is outside the notice year ${n.year}`);
      if (!name?.trim()) invalid(`${date} 缺少节日名称`, `${date} has no holiday name`);
      if (seen.has(date)) invalid(`${date} 重复出现`, `${date} is listed twice`);
      seen.add(date);
      if (kind === 'makeUp' && dayOfWeek(date) < 6)
        invalid(
          `调休上班日 ${date} 不是周六或周日`,
          `make-up working day ${date} is not a Saturday or Sunday`,
        );
    }
  };
  check(n.holidays, 'holiday');
  check(n.makeUpWorkdays, 'makeUp');
}

/**
 * Builds a calendar from yearly notices. Each notice is validated (real dates inside its year, no date
 * listed twice or as both a day off and a working day, make-up working days on Saturday/Sunday).
 * A later notice for a year already given REPLACES the earlier one (a bureau's corrected notice).
 */
export function buildCalendar(notices: readonly HolidayNotice[]): HolidayCalendar {
  const byYear = new Map<number, HolidayNotice>();
  for (const notice of notices) {
    validateNotice(notice);
    byYear.set(notice.year, notice);
  }
  const ordered = [...byYear.values()].sort((a, b) => a.year - b.year);
  const holidays = new Map<string, string>();
  const makeUpWorkdays = new Map<string, string>();
  for (const notice of ordered) {
    for (const { date, name } of notice.holidays) holidays.set(date, name);
    for (const { date, name } of notice.makeUpWorkdays) makeUpWorkdays.set(date, name);
  }
  return { notices: ordered, years: new Set(byYear.keys()), holidays, makeUpWorkdays };
}

/**
 * A bureau's override or extension of `base`:
 * - 'replace' (default): each given notice replaces that year's notice, or adds a new year;
 * - 'merge': each given notice's days are ADDED to that year's notice (e.g. a local holiday), sources joined.
 *   A day cannot end up both off and a working day; that throws.
 */
export function extendCalendar(
  base: HolidayCalendar,
  notices: readonly HolidayNotice[],
  mode: 'replace' | 'merge' = 'replace',
): HolidayCalendar {
  if (mode === 'replace') return buildCalendar([...base.notices, ...notices]);
  const byYear = new Map<number, HolidayNotice>(base.notices.map((n) => [n.year, n]));
  for (const extra of notices) {
    const prior = byYear.get(extra.year);
    if (!prior) {
      byYear.set(extra.year, extra);
      continue;
    }
    const merge = (a: readonly CalendarDay[], b: readonly CalendarDay[]): CalendarDay[] => {
      const m = new Map(a.map((d) => [d.date, d]));
      for (const d of b) m.set(d.date, d);
      return [...m.values()].sort((x, y) => (x.date < y.date ? -1 : 1));
    };
    byYear.set(extra.year, {
      year: extra.year,
      source: `${prior.source}；${extra.source}`,
      holidays: merge(prior.holidays, extra.holidays),
      makeUpWorkdays: merge(prior.makeUpWorkdays, extra.makeUpWorkdays),
    });
  }
  return buildCalendar([...byYear.values()]);
}

/** The calendar Huijiu ships (§15): the State Council notices for 2025 and 2026. */
export const DEFAULT_CALENDAR: HolidayCalendar = buildCalendar(HOLIDAY_NOTICES);

/** Throws CalendarCoverageError unless `date` is in a covered year. */
export function assertCovered(date: string, cal: HolidayCalendar): void {
  const { y } = parse(date, 'assertCovered');
  if (!cal.years.has(y))
    throw new CalendarCoverageError(
      date,
      [...cal.years].sort((a, b) => a - b),
    );
}

/**
 * 工作日 (§2.1 [V]): Monday–Friday unless a holiday (放假); Saturday/Sunday only when a make-up working
 * day (调休上班). Throws CalendarCoverageError for a year the calendar does not cover.
 */
export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  assertCovered(date, cal);
  if (cal.makeUpWorkdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  return dayOfWeek(date) <= 5;
}

/**
 * The date `n` working days after `start`. The start day itself never counts: counting begins the next
 * day (§2.1 [K]; cf. 民法典 Art.201 "开始的当日不计入"). n = 0 returns `start`. Only the days walked over
 * (after `start`) must be in covered years.
 */
export function addWorkingDays(start: string, n: number, cal: HolidayCalendar): string {
  assertInteger(n, 'n', 'addWorkingDays');
  if (n < 0) throw new RangeError(`addWorkingDays: n 须 ≥ 0 | n must be ≥ 0, got ${n}`);
  let day = toDayNumber(parse(start, 'addWorkingDays'));
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(format(fromDayNumber(day)), cal)) left -= 1;
  }
  return format(fromDayNumber(day));
}

/**
 * Working days d with a < d ≤ b (the start day does not count, the end day does), so that
 * workingDaysBetween(a, addWorkingDays(a, n)) === n. Negative when b is before a.
 */
export function workingDaysBetween(a: string, b: string, cal: HolidayCalendar): number {
  const from = toDayNumber(parse(a, 'workingDaysBetween'));
  const to = toDayNumber(parse(b, 'workingDaysBetween'));
  // 0 - x, not -x: a backwards span of no working days is 0, not -0.
  if (to < from) return 0 - workingDaysBetween(b, a, cal);
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) {
    if (isWorkingDay(format(fromDayNumber(day)), cal)) count += 1;
  }
  return count;
}

/**
 * Statutory deadline "within n 工作日 of `start`": the last day on which the step is still on time,
 * i.e. addWorkingDays(start, n). E.g. deadline(receivedOn, DIBAO_COUNTY_CONFIRMATION_WD, cal) (S1 Art.20).
 */
export function deadline(start: string, n: number, cal: HolidayCalendar): string {
  return addWorkingDays(start, n, cal);
}

export type SlaStatus = {
  /** Last day that is on time. */
  due: string;
  /** Working days used from `start` to `on` (start day not counted). */
  used: number;
  /** Working days left until `due` (negative once overdue). */
  remaining: number;
  overdue: boolean;
};

/** Where a case stands against an n-working-day limit on date `on` (e.g. the §3.7 global 30 WD guard). */
export function slaStatus(start: string, n: number, on: string, cal: HolidayCalendar): SlaStatus {
  const due = deadline(start, n, cal);
  const used = workingDaysBetween(start, on, cal);
  return { due, used, remaining: n - used, overdue: on > due };
}
