import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEED_SOURCES, type FeedField, type FeedSource, feedSource } from '../../../contracts/feeds.ts';
import { makeIdNumber } from '../../rules/id-number.ts';
import { checkRecord, type FeedMode, type FeedValue, normaliseDateText, recordText } from './feeds.models.ts';

// Validation of delivered records against the §8.2 sources' schemas (domain-rules §8.2, data items
// by department): each field type, required fields, enum values, dates, yuan → fen, ID numbers.

const ID = makeIdNumber('370902', '1970-05-12', 11);
const BAD_CHECK = `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`;
const src = (code: string): FeedSource =>
  feedSource(code) ??
  (() => {
    throw new Error(code);
  })();

const MEDICAL = { idNumber: ID, settledOn: '2026-03-05', totalFen: 1_234_56, outOfPocketFen: 80_00 };
const MEDICAL_FILE = { idNumber: ID, settledOn: '2026/3/5', totalFen: '1234.56', outOfPocketFen: '80' };

type Case = {
  rule: string;
  /** The §8.2 row the source implements. */
  source: string;
  mode: FeedMode;
  row: Record<string, unknown>;
  /** The column named by the error, or null when the record is valid. */
  column: string | null;
  /** Part of the Chinese message. */
  says?: string;
  data?: Record<string, unknown>;
};

const CASES: Case[] = [
  {
    rule: 'a valid typed medical-expense record (医保: 总费用, 个人自付)',
    source: 'MEDICAL_EXPENSE',
    mode: 'typed',
    row: MEDICAL,
    column: null,
    data: { totalFen: 123456, outOfPocketFen: 8000 },
  },
  {
    rule: 'a file gives money in yuan: 1234.56 元 → 123456 fen, dates in common notations',
    source: 'MEDICAL_EXPENSE',
    mode: 'file',
    row: MEDICAL_FILE,
    column: null,
    data: { settledOn: '2026-03-05', totalFen: 123456, outOfPocketFen: 8000 },
  },
  {
    rule: 'yuan with three decimals is refused (money is whole fen)',
    source: 'MEDICAL_EXPENSE',
    mode: 'file',
    row: { ...MEDICAL_FILE, totalFen: '12.345' },
    column: '总费用（元）',
    says: '最多两位小数',
  },
  {
    rule: 'typed fen must be an integer, not yuan',
    source: 'MEDICAL_EXPENSE',
    mode: 'typed',
    row: { ...MEDICAL, totalFen: 12.5 },
    column: '总费用（元）',
    says: '以分为单位',
  },
  {
    rule: 'negative money is refused',
    source: 'MEDICAL_EXPENSE',
    mode: 'typed',
    row: { ...MEDICAL, outOfPocketFen: -1 },
    column: '个人自付（元）',
  },
  {
    rule: 'a required field may not be empty',
    source: 'MEDICAL_EXPENSE',
    mode: 'file',
    row: { ...MEDICAL_FILE, outOfPocketFen: '' },
    column: '个人自付（元）',
    says: '必填',
  },
  {
    rule: 'an optional field may be left out',
    source: 'MEDICAL_EXPENSE',
    mode: 'typed',
    row: { ...MEDICAL, hospital: null },
    column: null,
  },
  {
    rule: 'a date that does not exist is refused (2026-02-30)',
    source: 'MEDICAL_EXPENSE',
    mode: 'typed',
    row: { ...MEDICAL, settledOn: '2026-02-30' },
    column: '结算日期',
    says: '不是有效日期',
  },
  {
    rule: 'typed dates are YYYY-MM-DD only',
    source: 'MEDICAL_EXPENSE',
    mode: 'typed',
    row: { ...MEDICAL, settledOn: '2026/03/05' },
    column: '结算日期',
  },
  {
    rule: 'an unknown field in an API record is refused (a typo must not drop data)',
    source: 'MEDICAL_EXPENSE',
    mode: 'typed',
    row: { ...MEDICAL, totalfen: 1 },
    column: 'totalfen',
    says: '未知字段',
  },
  {
    rule: 'the ID number check digit is verified (GB 11643)',
    source: 'MEDICAL_EXPENSE',
    mode: 'typed',
    row: { ...MEDICAL, idNumber: BAD_CHECK },
    column: '身份证号',
    says: '校验位',
  },
  {
    rule: 'the ID number is required',
    source: 'DEATH',
    mode: 'typed',
    row: { diedOn: '2026-04-01' },
    column: '身份证号',
    says: '必填',
  },
  {
    rule: 'a 15-digit old ID number is converted to 18',
    source: 'DEATH',
    mode: 'file',
    row: { idNumber: '370902700512011', diedOn: '2026-04-01' },
    column: null,
  },
  {
    rule: 'enum values are the catalogue codes (公安交管: 车辆类型)',
    source: 'VEHICLE',
    mode: 'typed',
    row: {
      idNumber: ID,
      registeredOn: '2026-01-02',
      plate: '鲁J12345',
      vehicleType: 'BUS',
      useNature: 'PRIVATE',
      status: 'NORMAL',
    },
    column: '车辆类型',
    says: 'CAR（小型汽车）',
  },
  {
    rule: 'a file may give the Chinese label of an enum value',
    source: 'VEHICLE',
    mode: 'file',
    row: {
      idNumber: ID,
      registeredOn: '2026-01-02',
      plate: '鲁J12345',
      vehicleType: '小型汽车',
      useNature: '非营运',
      status: 'normal',
    },
    column: null,
    data: { vehicleType: 'CAR', useNature: 'PRIVATE', status: 'NORMAL' },
  },
  {
    rule: 'booleans are true/false in the API (银行: 个人存款是否超限)',
    source: 'DEPOSITS',
    mode: 'typed',
    row: { idNumber: ID, asOf: '2026-05-01', personalOverLimit: 'yes' },
    column: '个人存款是否超限',
    says: '布尔',
  },
  {
    rule: 'booleans are 是/否 in a file',
    source: 'DEPOSITS',
    mode: 'file',
    row: { idNumber: ID, asOf: '2026-05-01', personalOverLimit: '是', householdOverLimit: '否' },
    column: null,
    data: { personalOverLimit: true, householdOverLimit: false },
  },
  {
    rule: 'an int must be whole (残联: 残疾等级)',
    source: 'DISABILITY',
    mode: 'file',
    row: { idNumber: ID, issuedOn: '2026-02-01', category: 'PHYSICAL', grade: '二级' },
    column: '残疾等级',
    says: '不是整数',
  },
  {
    rule: 'a disability grade is 1 to 4 (GB/T 26341)',
    source: 'DISABILITY',
    mode: 'typed',
    row: { idNumber: ID, issuedOn: '2026-02-01', category: 'PHYSICAL', grade: 5 },
    column: '残疾等级',
    says: '1 到 4',
  },
  {
    rule: 'text must be text (教育: 院校)',
    source: 'EDUCATION',
    mode: 'typed',
    row: { idNumber: ID, enrolledOn: '2026-09-01', level: 'UNDERGRADUATE', school: 42 },
    column: '院校',
    says: '文字',
  },
  {
    rule: 'text is at most 200 characters',
    source: 'PUBLIC_PAYROLL',
    mode: 'typed',
    row: { idNumber: ID, from: '2026-01-01', employer: '单'.repeat(201) },
    column: '单位',
    says: '过长',
  },
];

describe('feed record validation (domain-rules §8.2)', () => {
  it.each(CASES)('$rule', (c) => {
    const out = checkRecord(src(c.source), c.row, c.mode);
    if (c.column === null) {
      expect(out.ok, JSON.stringify(out)).toBe(true);
      if (out.ok && c.data) expect(out.record.data).toMatchObject(c.data);
      return;
    }
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const issue = out.issues.find((i) => i.column === c.column);
    expect(issue, JSON.stringify(out.issues)).toBeDefined();
    expect(issue!.message).toContain(c.column);
    expect(issue!.messageEn.length).toBeGreaterThan(10);
    if (c.says) expect(issue!.message).toContain(c.says);
  });

  it('never echoes the ID number in a message', () => {
    const out = checkRecord(src('MEDICAL_EXPENSE'), { ...MEDICAL, idNumber: BAD_CHECK }, 'typed');
    expect(JSON.stringify(out)).not.toContain(BAD_CHECK);
  });

  it('reports every bad field of a row, not only the first', () => {
    const out = checkRecord(
      src('MEDICAL_EXPENSE'),
      { idNumber: BAD_CHECK, settledOn: 'x', totalFen: 'y' },
      'typed',
    );
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.issues.map((i) => i.key).sort()).toEqual([
        'idNumber',
        'outOfPocketFen',
        'settledOn',
        'totalFen',
      ]);
  });

  it('dates the record by its source’s date field and normalises the ID number', () => {
    const out = checkRecord(
      src('DEATH'),
      { idNumber: ` ${ID.toLowerCase()} `, diedOn: '2026-04-01' },
      'typed',
    );
    expect(out.ok && out.record).toMatchObject({ idNumber: ID, occurredOn: '2026-04-01' });
  });

  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026-02-29', null],
    ['05/03/2026', null],
  ])('reads the file date %s as %s', (text, iso) => {
    expect(normaliseDateText(text)).toBe(iso);
  });
});

describe('recordText', () => {
  const value = (f: FeedField): fc.Arbitrary<FeedValue> => {
    switch (f.type) {
      case 'int':
      case 'fen':
        return fc.integer({ min: f.min ?? 0, max: f.max ?? Number.MAX_SAFE_INTEGER });
      case 'bool':
        return fc.boolean();
      case 'enum':
        return fc.constantFrom(...(f.values ?? ['X']));
      default:
        // Quotes, backslashes, control characters, lone surrogates and CJK: whatever a text cell holds.
        return fc.string({ unit: 'binary', maxLength: 30 });
    }
  };
  it.each(FEED_SOURCES.map((s) => [s.code, s] as const))(
    'writes the same text as JSON.stringify for %s (the record key hashes it)',
    (_code, source) => {
      const data = fc.tuple(...source.fields.map((f) => fc.option(value(f), { nil: undefined })));
      fc.assert(
        fc.property(data, (values) => {
          const record: Record<string, FeedValue> = {};
          source.fields.forEach((f, i) => {
            if (values[i] !== undefined) record[f.key] = values[i];
          });
          expect(recordText(source, record)).toBe(JSON.stringify(record));
        }),
        { numRuns: 200 },
      );
    },
  );
});
