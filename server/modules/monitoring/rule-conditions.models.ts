import type { RuleCondition } from '../../../contracts/alerts.ts';
import { type FeedField, feedSource } from '../../../contracts/feeds.ts';
import type { FieldIssue } from '../../platform/errors.ts';

// The conditions of a FIELD_THRESHOLD rule against the feed catalogue (contracts/feeds.ts): a
// threshold is over a numeric (int, fen), enum or yes/no field — never free text or a date — with an
// operator and value of the field's type, so a rule added through the API can always be compiled to
// SQL (compare.repository.ts) and means what it says.

const NUMERIC = new Set(['int', 'fen']);
const ORDER_OPS = new Set(['gt', 'gte', 'lt', 'lte']);

/** A rule's conditions checked against the feed catalogue: field, operator and value types agree. */
export function validateConditions(source: string, conditions: readonly RuleCondition[]): FieldIssue[] {
  const src = feedSource(source);
  if (!src)
    return [
      { field: 'source', message: `未知数据来源 ${source}`, messageEn: `unknown feed source ${source}` },
    ];
  const issues: FieldIssue[] = [];
  for (const [i, cond] of conditions.entries()) {
    const at = (message: string, messageEn: string, expected?: string) => {
      issues.push({ field: `conditions.${i}`, message, messageEn, ...(expected ? { expected } : {}) });
    };
    const f: FeedField | undefined = src.fields.find((x) => x.key === cond.field);
    if (!f) {
      at(
        `${src.zh}没有字段 ${cond.field}`,
        `${src.en} has no field ${cond.field}`,
        src.fields.map((x) => x.key).join(', '),
      );
      continue;
    }
    if (NUMERIC.has(f.type)) {
      if (cond.op === 'in' || typeof cond.value !== 'number' || !Number.isInteger(cond.value))
        at(
          `${f.zh}须与整数比较`,
          `${f.en} is compared with a whole number`,
          'eq|neq|gt|gte|lt|lte <integer>',
        );
    } else if (f.type === 'bool') {
      if ((cond.op !== 'eq' && cond.op !== 'neq') || typeof cond.value !== 'boolean')
        at(`${f.zh}须为“是/否”`, `${f.en} is yes or no`, 'eq|neq true|false');
    } else if (f.type === 'enum') {
      const values = Array.isArray(cond.value) ? cond.value : [cond.value];
      const bad = ORDER_OPS.has(cond.op) || (cond.op === 'in') !== Array.isArray(cond.value);
      const unknown = values.filter((v) => !f.values?.includes(String(v)));
      if (bad || unknown.length > 0)
        at(`${f.zh}的取值无效`, `invalid value for ${f.en}`, (f.values ?? []).join(', '));
    } else {
      at(`${f.zh}不能作为阈值字段`, `${f.en} cannot carry a threshold (text or date)`);
    }
  }
  return issues;
}

/** The SQL cast of a field (money and counts are whole numbers; fen are integer fen). */
export function fieldType(source: string, key: string): FeedField['type'] | null {
  return feedSource(source)?.fields.find((f) => f.key === key)?.type ?? null;
}
