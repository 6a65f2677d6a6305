// The working-day calendar as DATA (domain-rules §2.1, §15): the State Council General Office's yearly
// holiday notices (国务院办公厅关于XXXX年部分节假日安排的通知), with every day off (放假) and every
// make-up working day (调休上班). The rules that use it live in calendar.ts; a bureau overrides or
// extends this data through `extendCalendar` there, never by editing this file at run time.
//
// Verification: the texts of both notices were read in public reprints of the Xinhua release
// (新华社, 2024-11-12 and 2025-11-04) — gmw.cn for 2025, third-party reprints for 2026 — not on
// www.gov.cn itself. Dates and weekdays below match those texts; calendar.test.ts / holidays.test.ts
// re-check every weekday printed in the notices. The only [K] item is the 2026 document number.

/** One calendar date with the holiday it belongs to. `date` is a 'YYYY-MM-DD' Asia/Shanghai date. */
export type CalendarDay = { readonly date: string; readonly name: string };

/** One year's notice: every day off, and every weekend day declared a working day (调休上班). */
export type HolidayNotice = {
  readonly year: number;
  readonly source: string;
  readonly holidays: readonly CalendarDay[];
  readonly makeUpWorkdays: readonly CalendarDay[];
};

export const NOTICE_2025: HolidayNotice = {
  year: 2025,
  source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）',
  holidays: [
    // 一、元旦：1月1日（周三）放假1天，不调休。
    { date: '2025-01-01', name: '元旦' },
    // 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
    { date: '2025-01-28', name: '春节' },
    { date: '2025-01-29', name: '春节' },
    { date: '2025-01-30', name: '春节' },
    { date: '2025-01-31', name: '春节' },
    { date: '2025-02-01', name: '春节' },
    { date: '2025-02-02', name: '春节' },
    { date: '2025-02-03', name: '春节' },
    { date: '2025-02-04', name: '春节' },
    // 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
    { date: '2025-04-04', name: '清明节' },
    { date: '2025-04-05', name: '清明节' },
    { date: '2025-04-06', name: '清明节' },
    // 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。
    { date: '2025-05-01', name: '劳动节' },
    { date: '2025-05-02', name: '劳动节' },
    { date: '2025-05-03', name: '劳动节' },
    { date: '2025-05-04', name: '劳动节' },
    { date: '2025-05-05', name: '劳动节' },
    // 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
    { date: '2025-05-31', name: '端午节' },
    { date: '2025-06-01', name: '端午节' },
    { date: '2025-06-02', name: '端午节' },
    // 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。
    { date: '2025-10-01', name: '国庆节、中秋节' },
    { date: '2025-10-02', name: '国庆节、中秋节' },
    { date: '2025-10-03', name: '国庆节、中秋节' },
    { date: '2025-10-04', name: '国庆节、中秋节' },
    { date: '2025-10-05', name: '国庆节、中秋节' },
    { date: '2025-10-06', name: '国庆节、中秋节' },
    { date: '2025-10-07', name: '国庆节、中秋节' },
    { date: '2025-10-08', name: '国庆节、中秋节' },
  ],
  makeUpWorkdays: [
    // 春节：1月26日（周日）、2月8日（周六）上班。
    { date: '2025-01-26', name: '春节' },
    { date: '2025-02-08', name: '春节' },
    // 劳动节：4月27日（周日）上班。
    { date: '2025-04-27', name: '劳动节' },
    // 国庆节、中秋节：9月28日（周日）、10月11日（周六）上班。
    { date: '2025-09-28', name: '国庆节、中秋节' },
    { date: '2025-10-11', name: '国庆节、中秋节' },
  ],
};

export const NOTICE_2026: HolidayNotice = {
  year: 2026,
  // [K] document number 国办发明电〔2025〕7号 recalled, not seen in the reprints read; title, date and
  // every day below were read in the reprinted text.
  source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）',
  holidays: [
    // 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。
    { date: '2026-01-01', name: '元旦' },
    { date: '2026-01-02', name: '元旦' },
    { date: '2026-01-03', name: '元旦' },
    // 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
    { date: '2026-02-15', name: '春节' },
    { date: '2026-02-16', name: '春节' },
    { date: '2026-02-17', name: '春节' },
    { date: '2026-02-18', name: '春节' },
    { date: '2026-02-19', name: '春节' },
    { date: '2026-02-20', name: '春节' },
    { date: '2026-02-21', name: '春节' },
    { date: '2026-02-22', name: '春节' },
    { date: '2026-02-23', name: '春节' },
    // 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
    { date: '2026-04-04', name: '清明节' },
    { date: '2026-04-05', name: '清明节' },
    { date: '2026-04-06', name: '清明节' },
    // 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。
    { date: '2026-05-01', name: '劳动节' },
    { date: '2026-05-02', name: '劳动节' },
    { date: '2026-05-03', name: '劳动节' },
    { date: '2026-05-04', name: '劳动节' },
    { date: '2026-05-05', name: '劳动节' },
    // 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
    { date: '2026-06-19', name: '端午节' },
    { date: '2026-06-20', name: '端午节' },
    { date: '2026-06-21', name: '端午节' },
    // 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
    { date: '2026-09-25', name: '中秋节' },
    { date: '2026-09-26', name: '中秋节' },
    { date: '2026-09-27', name: '中秋节' },
    // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。
    { date: '2026-10-01', name: '国庆节' },
    { date: '2026-10-02', name: '国庆节' },
    { date: '2026-10-03', name: '国庆节' },
    { date: '2026-10-04', name: '国庆节' },
    { date: '2026-10-05', name: '国庆节' },
    { date: '2026-10-06', name: '国庆节' },
    { date: '2026-10-07', name: '国庆节' },
  ],
  makeUpWorkdays: [
    // 元旦：1月4日（周日）上班。
    { date: '2026-01-04', name: '元旦' },
    // 春节：2月14日（周六）、2月28日（周六）上班。
    { date: '2026-02-14', name: '春节' },
    { date: '2026-02-28', name: '春节' },
    // 劳动节：5月9日（周六）上班。
    { date: '2026-05-09', name: '劳动节' },
    // 国庆节：9月20日（周日）、10月10日（周六）上班。
    { date: '2026-09-20', name: '国庆节' },
    { date: '2026-10-10', name: '国庆节' },
  ],
};

/**
 * 2027, PROVISIONAL [U]: the State Council publishes each year's arrangement around November of the
 * year before, and on 2026-11-29 Huijiu does not ship it. Until a bureau enters the notice, 2027 counts
 * only the statutory days off of 《全国年节及纪念日放假办法》 (2024 revision: 元旦 1, 春节 4 from 除夕,
 * 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3) on their 2027 dates, with no bridging days and no make-up
 * working days. Deadlines in 2027 may therefore fall a few days early — never late — until the notice
 * replaces this one (extendCalendar 'replace'). Lunar dates: 除夕 2027-02-05, 端午 06-09, 中秋 09-15 [K].
 */
export const PROVISIONAL_2027: HolidayNotice = {
  year: 2027,
  source:
    '暂定：按《全国年节及纪念日放假办法》（2024年修订）法定假日，待国务院办公厅2027年节假日安排通知发布后替换',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-05', name: '春节' },
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-07', name: '春节' },
    { date: '2027-02-08', name: '春节' },
    { date: '2027-04-05', name: '清明节' },
    { date: '2027-05-01', name: '劳动节' },
    { date: '2027-05-02', name: '劳动节' },
    { date: '2027-06-09', name: '端午节' },
    { date: '2027-09-15', name: '中秋节' },
    { date: '2027-10-01', name: '国庆节' },
    { date: '2027-10-02', name: '国庆节' },
    { date: '2027-10-03', name: '国庆节' },
  ],
  makeUpWorkdays: [],
};

/** The notices Huijiu ships (§15 default). Years not listed here are not covered: calendar.ts refuses them. */
export const HOLIDAY_NOTICES: readonly HolidayNotice[] = [NOTICE_2025, NOTICE_2026, PROVISIONAL_2027];
