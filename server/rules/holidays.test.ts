import { describe, expect, it } from 'vitest';
import { dayOfWeek } from './calendar.ts';
import { HOLIDAY_NOTICES, type HolidayNotice, NOTICE_2025, NOTICE_2026 } from './holidays.ts';

const N2025 = '国办发明电〔2024〕12号';
const N2026 = '2026年部分节假日安排的通知 (2025-11-04)';

// 周一 … 周日 → ISO 1 … 7
const WEEKDAY = { 周一: 1, 周二: 2, 周三: 3, 周四: 4, 周五: 5, 周六: 6, 周日: 7 } as const;

// Every weekday printed in the two notices, re-checked against our date arithmetic: a typo in a date
// would almost always land on a different weekday.
describe('every weekday printed in the notices matches the encoded date', () => {
  it.each([
    { date: '2025-01-01', wd: '周三', src: `${N2025} 一、元旦` },
    { date: '2025-01-28', wd: '周二', src: `${N2025} 二、春节（农历除夕）` },
    { date: '2025-02-04', wd: '周二', src: `${N2025} 二、春节（正月初七）` },
    { date: '2025-01-26', wd: '周日', src: `${N2025} 二、春节 上班` },
    { date: '2025-02-08', wd: '周六', src: `${N2025} 二、春节 上班` },
    { date: '2025-04-04', wd: '周五', src: `${N2025} 三、清明节` },
    { date: '2025-04-06', wd: '周日', src: `${N2025} 三、清明节` },
    { date: '2025-05-01', wd: '周四', src: `${N2025} 四、劳动节` },
    { date: '2025-05-05', wd: '周一', src: `${N2025} 四、劳动节` },
    { date: '2025-04-27', wd: '周日', src: `${N2025} 四、劳动节 上班` },
    { date: '2025-05-31', wd: '周六', src: `${N2025} 五、端午节` },
    { date: '2025-06-02', wd: '周一', src: `${N2025} 五、端午节` },
    { date: '2025-10-01', wd: '周三', src: `${N2025} 六、国庆节、中秋节` },
    { date: '2025-10-08', wd: '周三', src: `${N2025} 六、国庆节、中秋节` },
    { date: '2025-09-28', wd: '周日', src: `${N2025} 六、国庆节、中秋节 上班` },
    { date: '2025-10-11', wd: '周六', src: `${N2025} 六、国庆节、中秋节 上班` },
    { date: '2026-01-01', wd: '周四', src: `${N2026} 一、元旦` },
    { date: '2026-01-03', wd: '周六', src: `${N2026} 一、元旦` },
    { date: '2026-01-04', wd: '周日', src: `${N2026} 一、元旦 上班` },
    { date: '2026-02-15', wd: '周日', src: `${N2026} 二、春节（腊月二十八）` },
    { date: '2026-02-23', wd: '周一', src: `${N2026} 二、春节（正月初七）` },
    { date: '2026-02-14', wd: '周六', src: `${N2026} 二、春节 上班` },
    { date: '2026-02-28', wd: '周六', src: `${N2026} 二、春节 上班` },
    { date: '2026-04-04', wd: '周六', src: `${N2026} 三、清明节` },
    { date: '2026-04-06', wd: '周一', src: `${N2026} 三、清明节` },
    { date: '2026-05-01', wd: '周五', src: `${N2026} 四、劳动节` },
    { date: '2026-05-05', wd: '周二', src: `${N2026} 四、劳动节` },
    { date: '2026-05-09', wd: '周六', src: `${N2026} 四、劳动节 上班` },
    { date: '2026-06-19', wd: '周五', src: `${N2026} 五、端午节` },
    { date: '2026-06-21', wd: '周日', src: `${N2026} 五、端午节` },
    { date: '2026-09-25', wd: '周五', src: `${N2026} 六、中秋节` },
    { date: '2026-09-27', wd: '周日', src: `${N2026} 六、中秋节` },
    { date: '2026-10-01', wd: '周四', src: `${N2026} 七、国庆节` },
    { date: '2026-10-07', wd: '周三', src: `${N2026} 七、国庆节` },
    { date: '2026-09-20', wd: '周日', src: `${N2026} 七、国庆节 上班` },
    { date: '2026-10-10', wd: '周六', src: `${N2026} 七、国庆节 上班` },
  ] as const)('$date is $wd ($src)', ({ date, wd }) => {
    expect(dayOfWeek(date)).toBe(WEEKDAY[wd]);
    const listed = HOLIDAY_NOTICES.some(
      (n) => n.holidays.some((d) => d.date === date) || n.makeUpWorkdays.some((d) => d.date === date),
    );
    expect(listed).toBe(true);
  });
});

const byName = (n: HolidayNotice, name: string) =>
  n.holidays.filter((d) => d.name === name).map((d) => d.date);

// "共N天" of each item, and its first and last day.
describe('each holiday has the length and bounds of its notice', () => {
  it.each([
    { notice: NOTICE_2025, name: '元旦', days: 1, first: '2025-01-01', last: '2025-01-01', src: N2025 },
    { notice: NOTICE_2025, name: '春节', days: 8, first: '2025-01-28', last: '2025-02-04', src: N2025 },
    { notice: NOTICE_2025, name: '清明节', days: 3, first: '2025-04-04', last: '2025-04-06', src: N2025 },
    { notice: NOTICE_2025, name: '劳动节', days: 5, first: '2025-05-01', last: '2025-05-05', src: N2025 },
    { notice: NOTICE_2025, name: '端午节', days: 3, first: '2025-05-31', last: '2025-06-02', src: N2025 },
    {
      notice: NOTICE_2025,
      name: '国庆节、中秋节',
      days: 8,
      first: '2025-10-01',
      last: '2025-10-08',
      src: N2025,
    },
    { notice: NOTICE_2026, name: '元旦', days: 3, first: '2026-01-01', last: '2026-01-03', src: N2026 },
    { notice: NOTICE_2026, name: '春节', days: 9, first: '2026-02-15', last: '2026-02-23', src: N2026 },
    { notice: NOTICE_2026, name: '清明节', days: 3, first: '2026-04-04', last: '2026-04-06', src: N2026 },
    { notice: NOTICE_2026, name: '劳动节', days: 5, first: '2026-05-01', last: '2026-05-05', src: N2026 },
    { notice: NOTICE_2026, name: '端午节', days: 3, first: '2026-06-19', last: '2026-06-21', src: N2026 },
    { notice: NOTICE_2026, name: '中秋节', days: 3, first: '2026-09-25', last: '2026-09-27', src: N2026 },
    { notice: NOTICE_2026, name: '国庆节', days: 7, first: '2026-10-01', last: '2026-10-07', src: N2026 },
  ])('$notice.year $name: 共$days天, $first … $last ($src)', ({ notice, name, days, first, last }) => {
    const dates = byName(notice, name);
    expect(dates).toHaveLength(days);
    expect(dates[0]).toBe(first);
    expect(dates.at(-1)).toBe(last);
    // consecutive days, no gap
    const t = dates.map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000);
    expect(t.every((x, i) => i === 0 || x - (t[i - 1] ?? 0) === 1)).toBe(true);
  });

  it.each([
    { notice: NOTICE_2025, holidays: 28, makeUp: 5, src: N2025 },
    { notice: NOTICE_2026, holidays: 33, makeUp: 6, src: N2026 },
  ])(
    '$notice.year: $holidays days off, $makeUp make-up working days ($src)',
    ({ notice, holidays, makeUp }) => {
      expect(notice.holidays).toHaveLength(holidays);
      expect(notice.makeUpWorkdays).toHaveLength(makeUp);
      expect(notice.source).toMatch(/国务院办公厅关于\d{4}年部分节假日安排的通知/);
    },
  );

  it('ships 2025 and 2026 from the notices, and 2027 as a provisional statutory-days year (§15; §2.1)', () => {
    expect(HOLIDAY_NOTICES.map((n) => n.year)).toEqual([2025, 2026, 2027]);
    const p = HOLIDAY_NOTICES[2]!;
    expect(p.source).toMatch(/^暂定/);
    // 《全国年节及纪念日放假办法》(2024): 1 + 4 + 1 + 2 + 1 + 1 + 3 = 13 statutory days, no make-up days.
    expect(p.holidays).toHaveLength(13);
    expect(p.makeUpWorkdays).toHaveLength(0);
  });
});
