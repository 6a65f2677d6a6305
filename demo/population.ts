import { HOUSEHOLD_IMPORT_COLUMNS } from '../contracts/imports.ts';
import { makeIdNumber } from '../server/rules/id-number.ts';
import { fenToYuanString } from '../server/rules/money.ts';
import type { Rng } from './random.ts';

// A synthetic registry in the import sheet's own format, so the demo enters through the same
// import use case as a bureau's real file. Names, ID numbers, phones and accounts are invented.

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英玉兰萍毅浩宇轩然欣怡梓涵子豪俊杰雨婷佳怡志强建华建国桂芝凤英淑珍秀珍玉梅红梅海燕振华德胜';
// Address codes of Tai'an's counties: where older residents' ID numbers were issued (§10.1).
const ISSUED_AT = ['370902', '370911', '370921', '370923', '370982', '370983'];
const BANKS = ['农商银行', '邮储银行', '农业银行', '工商银行', '建设银行'];

type Person = {
  name: string;
  idNumber: string;
  relationCode: string;
  birth: string;
  extra: Record<string, string>;
};

export type DemoPopulationOptions = {
  households: number;
  villages: { code12: string; urbanRuralCode: string | null }[];
  today: string;
};

export function demoRows(rng: Rng, opts: DemoPopulationOptions): string[][] {
  return [...demoRowStream(rng, opts)];
}

/** The same rows one at a time (the header first), for files of a million persons. */
export function* demoRowStream(rng: Rng, opts: DemoPopulationOptions): Generator<string[]> {
  const usedIds = new Set<string>();
  const header = HOUSEHOLD_IMPORT_COLUMNS.map((c) => c.zh);
  yield header;
  const keyIndex = new Map(HOUSEHOLD_IMPORT_COLUMNS.map((c, i) => [c.key, i]));

  const given = () =>
    rng.chance(0.6)
      ? GIVEN[rng.int(0, GIVEN.length - 1)]! + GIVEN[rng.int(0, GIVEN.length - 1)]!
      : GIVEN[rng.int(0, GIVEN.length - 1)]!;
  const todayMs = Date.parse(`${opts.today}T00:00:00Z`);
  // Exactly `age` full years old today: born between age+1 years and age years ago.
  const birthFor = (age: number) => {
    const latest = new Date(todayMs);
    latest.setUTCFullYear(latest.getUTCFullYear() - age);
    return new Date(latest.getTime() - rng.int(0, 364) * 86_400_000).toISOString().slice(0, 10);
  };
  const idFor = (birth: string, sex: 1 | 2, young: boolean) => {
    for (;;) {
      const area = young ? rng.pick(['370902', '370911']) : rng.pick(ISSUED_AT);
      const seq = rng.int(0, 499) * 2 + (sex === 1 ? 1 : 0);
      const id = makeIdNumber(area, birth, seq);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const person = (surname: string, age: number, sex: 1 | 2, relationCode: string): Person => {
    const birth = birthFor(age);
    const p: Person = {
      name: surname + given(),
      idNumber: idFor(birth, sex, age < 30),
      relationCode,
      birth,
      extra: {},
    };
    const x = p.extra;
    x.ethnicity = rng.chance(0.985) ? '01' : rng.pick(['03', '04', '08', '11']);
    x.maritalStatus =
      age < 22
        ? '10'
        : rng.weighted([
            ['20', 70],
            ['10', 8],
            ['30', 15],
            ['40', 7],
          ] as const);
    if (age >= 18 && rng.chance(0.7))
      x.phone = `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    if (rng.chance(0.065)) {
      const cat = rng.weighted([
        [4, 35],
        [1, 12],
        [2, 15],
        [3, 3],
        [5, 12],
        [6, 13],
        [7, 10],
      ] as const);
      const grade = rng.weighted([
        [1, 20],
        [2, 30],
        [3, 25],
        [4, 25],
      ] as const);
      x.disabilityCertificate = `${p.idNumber}${cat}${grade}`;
    }
    if (age >= 75)
      x.selfCareLevel = rng.weighted([
        ['自理', 70],
        ['半自理', 22],
        ['全护理', 8],
      ] as const);
    if (age >= 6 && age <= 22 && rng.chance(0.92)) {
      x.inFulltimeEducation = '是';
      x.educationLevel =
        age <= 12
          ? '小学'
          : age <= 15
            ? '初中'
            : age <= 18
              ? rng.pick(['高中', '中等职业教育'])
              : rng.pick(['大学专科', '大学本科']);
    } else if (age > 22)
      x.educationLevel = rng.weighted([
        ['未上过学', 8],
        ['小学', 30],
        ['初中', 40],
        ['高中', 14],
        ['大学专科', 5],
        ['大学本科', 3],
      ] as const);
    if (age >= 18 && age < 60 && rng.chance(0.55)) {
      x.employmentStatus = rng.pick(['务工', '务农', '灵活就业']);
      x.monthlyIncome = fenToYuanString(rng.int(800, 4200) * 100);
    } else if (age >= 60) x.monthlyIncome = fenToYuanString(rng.int(150, 1800) * 100);
    if (age >= 18 && rng.chance(0.004)) x.specialStatus = rng.pick(['服刑', '宣告失踪']);
    return p;
  };

  for (let h = 0; h < opts.households; h++) {
    const village = opts.villages[h % opts.villages.length]!;
    const size = rng.weighted([
      [1, 26],
      [2, 30],
      [3, 19],
      [4, 15],
      [5, 7],
      [6, 3],
    ] as const);
    const surname = SURNAMES[rng.int(0, SURNAMES.length - 1)]!;
    const headAge = size === 1 ? rng.int(45, 92) : rng.int(28, 82);
    const headSex: 1 | 2 = size === 1 && rng.chance(0.45) ? 2 : rng.chance(0.85) ? 1 : 2;
    const members: Person[] = [person(surname, headAge, headSex, '02')];
    if (size >= 2) {
      const spouseSurname = SURNAMES[rng.int(0, SURNAMES.length - 1)]!;
      members.push(
        person(
          spouseSurname,
          Math.max(20, headAge + rng.int(-5, 3)),
          headSex === 1 ? 2 : 1,
          headSex === 1 ? '12' : '11',
        ),
      );
    }
    for (let c = members.length; c < size; c++) {
      if (c === size - 1 && size >= 5 && headAge < 55) {
        members.push(person(surname, headAge + rng.int(24, 32), 2, '52'));
        continue;
      }
      const childAge = Math.max(0, headAge - rng.int(22, 34) - (c - 2) * rng.int(1, 4));
      const sex: 1 | 2 = rng.chance(0.52) ? 1 : 2;
      members.push(person(surname, childAge, sex, sex === 1 ? '20' : '30'));
    }
    const key = `H${String(h + 1).padStart(5, '0')}`;
    const address = `${village.code12.slice(-3)}号院${rng.int(1, 60)}号`;
    const bankHolder = members[0]!;
    if (rng.chance(0.85)) {
      bankHolder.extra.bankAccount = `6228${String(rng.int(0, 999_999_999)).padStart(9, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
      bankHolder.extra.bankName = rng.pick(BANKS);
    }
    for (const m of members) {
      const row = new Array<string>(header.length).fill('');
      const set = (k: string, v: string) => {
        row[keyIndex.get(k)!] = v;
      };
      set('householdKey', key);
      set('villageCode', village.code12);
      set('address', address);
      set('hukouType', '10');
      set('name', m.name);
      set('idNumber', m.idNumber);
      set('relationCode', m.relationCode);
      for (const [k, v] of Object.entries(m.extra)) set(k, v);
      yield row;
    }
  }
}

/** RFC 4180 CSV with a BOM, so Excel opens the Chinese headers correctly. */
export function toCsv(rows: string[][]): string {
  return `\ufeff${rows.map(csvLine).join('')}`;
}

export function csvLine(row: string[]): string {
  const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${row.map(esc).join(',')}\n`;
}
