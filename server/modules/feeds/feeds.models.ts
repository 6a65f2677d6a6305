import {
  FEED_VALUE_LABELS,
  type FeedField,
  type FeedSource,
  ID_NUMBER_COLUMN,
} from '../../../contracts/feeds.ts';
import { checkIdNumber, isIsoDate } from '../../rules/id-number.ts';
import { parseYuan } from '../../rules/money.ts';

// Pure validation of one delivered record against its source's schema (domain-rules §8.2).
// Two input modes: 'typed' (the push API and deliverFeed: fen as integer fen, dates 'YYYY-MM-DD',
// booleans, enum codes) and 'file' (spreadsheet cells as text: money in yuan, 是/否, enum codes or
// their Chinese labels, a few common date notations). Every message names the column, says what is
// wrong and what is expected, in Chinese and English. The ID number is never echoed back: error
// responses may be logged or screenshotted.

export type FeedValue = string | number | boolean;
export type FeedMode = 'typed' | 'file';
/** A valid record: the person's normalised ID number and the typed data (absent optionals left out). */
export type CheckedRecord = { idNumber: string; data: Record<string, FeedValue>; occurredOn: string };
/** A problem of one field; the caller adds where the row is. */
export type RecordIssue = {
  key: string;
  column: string;
  message: string;
  messageEn: string;
  expected?: string;
};

const TEXT_MAX = 200;
const ID_KEY = 'idNumber';
const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0']);

type Coerced = { ok: true; value: FeedValue } | { ok: false; issue: Omit<RecordIssue, 'key' | 'column'> };

const show = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

function problem(f: FeedField, zh: string, en: string, expZh: string, expEn: string): Coerced {
  return {
    ok: false,
    issue: {
      message: `“${f.zh}”${zh}，应为${expZh}`,
      messageEn: `"${f.en}" (${f.zh}): ${en}; expected ${expEn}`,
      expected: expEn,
    },
  };
}

const isMissing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** 2026-03-05, 2026/3/5, 2026.3.5, 20260305, 2026年3月5日 → '2026-03-05' (files only). */
export function normaliseDateText(s: string): string | null {
  const t = s.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const loose = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  const m = compact ?? loose;
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function intRange(f: FeedField): [string, string] {
  const min = f.min ?? 0;
  if (f.max === undefined) return [`不小于 ${min} 的整数`, `a whole number of at least ${min}`];
  return [`${min} 到 ${f.max} 的整数`, `a whole number from ${min} to ${f.max}`];
}

function coerce(f: FeedField, v: unknown, mode: FeedMode): Coerced {
  switch (f.type) {
    case 'text': {
      if (typeof v !== 'string' && !(mode === 'file' && typeof v === 'number'))
        return problem(f, '应为文字', 'must be text', `不超过 ${TEXT_MAX} 字的文字`, `text`);
      const s = String(v).trim();
      if (s.length > TEXT_MAX)
        return problem(
          f,
          `过长（${s.length} 字）`,
          `is too long (${s.length} characters)`,
          `不超过 ${TEXT_MAX} 字`,
          `at most ${TEXT_MAX} characters`,
        );
      return { ok: true, value: s };
    }
    case 'int': {
      const n = mode === 'file' && typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
      const [zh, en] = intRange(f);
      if (typeof n !== 'number' || !Number.isSafeInteger(n))
        return problem(f, `的值“${show(v)}”不是整数`, `"${show(v)}" is not a whole number`, zh, en);
      if (n < (f.min ?? 0) || (f.max !== undefined && n > f.max))
        return problem(f, `的值 ${n} 超出范围`, `${n} is out of range`, zh, en);
      return { ok: true, value: n };
    }
    case 'fen': {
      if (mode === 'file') {
        const m = parseYuan(String(v));
        if (!m.ok)
          return problem(
            f,
            `的值“${show(v)}”不是有效金额`,
            `"${show(v)}" is not a valid amount`,
            '以元为单位、最多两位小数的金额（如 1234.56）',
            'an amount in yuan with at most two decimals (e.g. 1234.56)',
          );
        if (m.fen < 0)
          return problem(f, '不能为负数', 'must not be negative', '非负金额', 'a non-negative amount');
        return { ok: true, value: m.fen };
      }
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
        return problem(
          f,
          `的值“${show(v)}”不是以分计的金额`,
          `"${show(v)}" is not an amount in fen`,
          '以分为单位的非负整数（如 123456 表示 1234.56 元）',
          'a non-negative integer number of fen (123456 = 1234.56 yuan)',
        );
      return { ok: true, value: v };
    }
    case 'date': {
      const iso =
        typeof v !== 'string' ? null : mode === 'file' ? normaliseDateText(v) : isIsoDate(v) ? v : null;
      if (!iso || iso < '1900-01-01')
        return problem(
          f,
          `的值“${show(v)}”不是有效日期`,
          `"${show(v)}" is not a real date`,
          mode === 'file' ? '日期，如 2026-03-05' : 'YYYY-MM-DD 格式的日期',
          mode === 'file' ? 'a date such as 2026-03-05' : 'a date as YYYY-MM-DD',
        );
      return { ok: true, value: iso };
    }
    case 'bool': {
      if (typeof v === 'boolean') return { ok: true, value: v };
      const s = mode === 'file' ? String(v).trim().toLowerCase() : null;
      if (s !== null && YES.has(s)) return { ok: true, value: true };
      if (s !== null && NO.has(s)) return { ok: true, value: false };
      return mode === 'file'
        ? problem(f, `的值“${show(v)}”无法识别`, `"${show(v)}" is not yes or no`, '“是”或“否”', '是 or 否')
        : problem(
            f,
            `的值“${show(v)}”不是布尔值`,
            `"${show(v)}" is not a boolean`,
            'true 或 false',
            'true or false',
          );
    }
    case 'enum': {
      const values = f.values ?? [];
      const s = typeof v === 'string' ? v.trim() : '';
      const hit =
        mode === 'file'
          ? values.find((c) => c === s.toUpperCase() || FEED_VALUE_LABELS[c]?.zh === s)
          : values.find((c) => c === s);
      if (hit) return { ok: true, value: hit };
      const listZh = values.map((c) => `${c}（${FEED_VALUE_LABELS[c]?.zh ?? c}）`).join('、');
      return problem(
        f,
        `的值“${show(v)}”不在可选范围内`,
        `"${show(v)}" is not one of the allowed values`,
        `以下之一：${listZh}`,
        `one of ${values.join(', ')}`,
      );
    }
  }
}

function checkId(v: unknown): { ok: true; value: string } | { ok: false; issue: RecordIssue } {
  const base = { key: ID_KEY, column: ID_NUMBER_COLUMN.zh };
  if (isMissing(v))
    return {
      ok: false,
      issue: {
        ...base,
        message: '“身份证号”为必填项，不能为空',
        messageEn: 'the ID number (身份证号) is required',
        expected: '18 characters',
      },
    };
  const c = checkIdNumber(typeof v === 'string' ? v : String(v), 'resident');
  if (c.ok) return { ok: true, value: c.value };
  return {
    ok: false,
    issue: {
      ...base,
      message: `“身份证号”有误：${c.message}`,
      messageEn: `the ID number (身份证号) is wrong: ${c.messageEn}`,
      expected: c.expected,
    },
  };
}

/**
 * Checks one record. In typed mode a key the source does not have is an error (an integrator's
 * typo must not silently drop a field); in file mode extra columns were already left out.
 */
export function checkRecord(
  src: FeedSource,
  raw: Readonly<Record<string, unknown>>,
  mode: FeedMode,
): { ok: true; record: CheckedRecord } | { ok: false; issues: RecordIssue[] } {
  const issues: RecordIssue[] = [];
  const id = checkId(raw[ID_KEY]);
  if (!id.ok) issues.push(id.issue);
  const data: Record<string, FeedValue> = {};
  for (const f of src.fields) {
    const v = raw[f.key];
    if (isMissing(v)) {
      if (f.required)
        issues.push({
          key: f.key,
          column: f.zh,
          message: `“${f.zh}”为必填项，不能为空`,
          messageEn: `"${f.en}" (${f.zh}) is required`,
        });
      continue;
    }
    const c = coerce(f, v, mode);
    if (c.ok) data[f.key] = c.value;
    else issues.push({ key: f.key, column: f.zh, ...c.issue });
  }
  if (mode === 'typed') {
    const known = fieldKeys(src);
    for (const k of Object.keys(raw)) {
      if (k === ID_KEY || known.has(k)) continue;
      issues.push({
        key: k,
        column: k,
        message: `未知字段“${show(k)}”，应为该数据源的字段之一：${src.fields.map((f) => f.key).join('、')}`,
        messageEn: `unknown field "${show(k)}"; expected one of ${src.fields.map((f) => f.key).join(', ')}`,
        expected: src.fields.map((f) => f.key).join(', '),
      });
    }
  }
  if (!id.ok || issues.length > 0) return { ok: false, issues }; // id.ok narrows the value below
  return {
    ok: true,
    record: { idNumber: id.value, data, occurredOn: data[src.dateField] as string },
  };
}

/** A value derived once per catalogue source (the catalogue is constant). */
function perSource<T>(derive: (src: FeedSource) => T): (src: FeedSource) => T {
  const memo = new WeakMap<FeedSource, T>();
  return (src) => {
    const hit = memo.get(src);
    if (hit !== undefined) return hit;
    const value = derive(src);
    memo.set(src, value);
    return value;
  };
}

const fieldKeys = perSource((src) => new Set(src.fields.map((f) => f.key)));
const quotedKeys = perSource((src) => src.fields.map((f) => `${JSON.stringify(f.key)}:`));

/**
 * The stored text of a checked record: exactly JSON.stringify(data) (its keys are filled in
 * catalogue order), written field by field because a million records spend a second less so. The
 * record key is a hash of this text: the same record always gives the same text.
 */
export function recordText(src: FeedSource, data: Readonly<Record<string, FeedValue>>): string {
  const keys = quotedKeys(src);
  let out = '';
  for (let i = 0; i < src.fields.length; i++) {
    const v = data[src.fields[i]!.key];
    if (v === undefined) continue;
    out += `${out === '' ? '{' : ','}${keys[i]}${typeof v === 'string' ? JSON.stringify(v) : String(v)}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

/** The column headings of a source's file: 身份证号 first, then each field's Chinese heading. */
export function fileColumns(src: FeedSource): { key: string; zh: string; field: FeedField | null }[] {
  return [
    { key: ID_KEY, zh: ID_NUMBER_COLUMN.zh, field: null },
    ...src.fields.map((f) => ({ key: f.key, zh: f.zh, field: f })),
  ];
}

/** How a field is filled in, for the template's help sheet. */
export function fieldHelp(f: FeedField): string {
  switch (f.type) {
    case 'text':
      return `文字，不超过 ${TEXT_MAX} 字`;
    case 'int':
      return intRange(f)[0];
    case 'fen':
      return '金额（元），最多两位小数';
    case 'date':
      return '日期，如 2026-03-05';
    case 'bool':
      return '是 / 否';
    case 'enum':
      return (f.values ?? []).map((c) => `${FEED_VALUE_LABELS[c]?.zh ?? c}（${c}）`).join('、');
  }
}
