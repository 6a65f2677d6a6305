import { describe, expect, it } from 'vitest';
import { CEL_CONTEXT } from '../../../contracts/policies.ts';
import { validatePolicyExpression } from './policy-cel.ts';

// Validation of eligibility expressions when a policy is saved (§9.3; issue 7 "a syntax or type
// error is shown at the expression, with the position"): each issue names the problem and what is
// expected, in Chinese and English, at the line and column of the offending token.

type Case = {
  rule: string;
  expression: string;
  line: number;
  column: number;
  zh: string;
  en: string;
};

const CASES: Case[] = [
  {
    rule: 'syntax: an operator without its right operand, on the second line',
    expression: 'household.size > 1 &&\n  household.members.exists(m, m.age > )',
    line: 2,
    column: 37,
    zh: '运算符 > 后面缺少操作数',
    en: 'operator > has no right-hand operand',
  },
  {
    rule: 'syntax: an unclosed bracket is reported where it opens',
    expression: 'household.size > 1 &&\n  (person.age >= 60 ||\n   person.disabilityGrade > 0',
    line: 2,
    column: 3,
    zh: '( 没有闭合',
    en: 'is not closed',
  },
  {
    rule: 'syntax: a full-width bracket typed with a Chinese input method',
    expression: 'household.size > 1 && （person.age >= 60)',
    line: 1,
    column: 23,
    zh: '全角字符“（”',
    en: 'half-width "("',
  },
  {
    rule: 'syntax: = instead of ==',
    expression: "household.area = 'rural'",
    line: 1,
    column: 16,
    zh: '应为“==”',
    en: 'write "=="',
  },
  {
    rule: 'syntax: an unterminated string',
    expression: "household.area == 'rural",
    line: 1,
    column: 19,
    zh: '字符串没有结束',
    en: 'the string is not closed',
  },
  {
    rule: 'unknown field (a typo) is shown at the field name',
    expression: 'household.incom < household.dibaoStandardFen',
    line: 1,
    column: 11,
    zh: '未知字段 household.incom，可用字段见上下文说明',
    en: 'unknown field household.incom; see the context table',
  },
  {
    rule: 'unknown field of a member inside a macro',
    expression: 'household.members.exists(m,\n  m.agee >= 60)',
    line: 2,
    column: 5,
    zh: '未知字段 m.agee',
    en: 'unknown field m.agee',
  },
  {
    rule: 'unknown variable',
    expression: 'member.age > 60',
    line: 1,
    column: 1,
    zh: '未知变量 member，可用的变量是 household 和 person',
    en: 'unknown variable member',
  },
  {
    rule: 'wrong operand types: bool compared with int',
    expression: 'household.hasVehicle == 0',
    line: 1,
    column: 22,
    zh: '运算 == 需要两边类型可比较，这里是 bool 与 int',
    en: 'comparable types, but got bool and int',
  },
  {
    rule: 'wrong operand types: int and double mixed in arithmetic suggests int()/double()',
    expression: 'household.incomeRatio * 2 < 1.5',
    line: 1,
    column: 23,
    zh: '请用 int() 或 double() 转换',
    en: 'mixes double and int; convert one side with int() or double()',
  },
  {
    rule: 'wrong operand types: && over an int',
    expression: 'person.age >= 60 && person.disabilityGrade',
    line: 1,
    column: 21,
    zh: '运算 && 的两边必须是真/假（bool），person.disabilityGrade 是 int',
    en: 'both sides of && must be bool, but person.disabilityGrade is int',
  },
  {
    rule: 'wrong operand types: in over a non-list',
    expression: "'DIBAO' in household.area",
    line: 1,
    column: 9,
    zh: '运算 in 需要右边是列表',
    en: 'needs a list on the right',
  },
  {
    rule: 'a value outside a documented closed set',
    expression: "person.selfCare == 'FULL'",
    line: 1,
    column: 20,
    zh: "'FULL' 不是 person.selfCare 的可取值（SELF_CARE、PARTIAL_LOSS、FULL_LOSS、UNKNOWN）",
    en: "'FULL' is not a value of person.selfCare",
  },
  {
    rule: 'a category code outside the monitored categories',
    expression: "'EDGE' in household.categories",
    line: 1,
    column: 1,
    zh: "'EDGE' 不是 household.categories 的可取值",
    en: "'EDGE' is not a value of household.categories",
  },
  {
    rule: 'non-bool result',
    expression: 'household.perCapitaIncomeFen - household.dibaoStandardFen',
    line: 1,
    column: 1,
    zh: '表达式的结果必须是真/假（bool），现在是 int',
    en: 'must evaluate to a bool, but it is int',
  },
  {
    rule: 'bad macro: a condition that is not a bool',
    expression: 'household.members.all(m, m.age)',
    line: 1,
    column: 26,
    zh: 'all() 的条件必须是真/假（bool），现在是 int',
    en: 'the condition of all() must be a bool',
  },
  {
    rule: 'bad macro: ranging over a non-list',
    expression: 'household.size.exists(x, x > 1)',
    line: 1,
    column: 16,
    zh: 'exists() 只能用于列表，但 household.size 是 int',
    en: 'exists() works on lists only',
  },
  {
    rule: 'bad macro: missing the condition',
    expression: 'household.members.exists(m)',
    line: 1,
    column: 19,
    zh: 'exists() 的写法不对',
    en: 'exists() is not written correctly',
  },
  {
    rule: 'unsupported function',
    expression: "matches(person.sex, 'M')",
    line: 1,
    column: 1,
    zh: '不支持的函数 matches()',
    en: 'unsupported function matches()',
  },
  {
    rule: 'has() of an unknown field',
    expression: 'has(household.income)',
    line: 1,
    column: 15,
    zh: '未知字段 household.income',
    en: 'unknown field household.income',
  },
];

describe('validatePolicyExpression: each problem at its position, in Chinese and English', () => {
  it.each(CASES)('$rule', (c) => {
    const issues = validatePolicyExpression(c.expression, 'HOUSEHOLD');
    expect(issues.length, JSON.stringify(issues)).toBeGreaterThan(0);
    const first = issues[0]!;
    expect(first.message).toContain(c.zh);
    expect(first.messageEn).toContain(c.en);
    expect({ line: first.line, column: first.column }).toEqual({ line: c.line, column: c.column });
    // The offset and the line/column point at the same character.
    const lines = c.expression.split('\n');
    const before = lines.slice(0, c.line - 1).reduce((s, l) => s + l.length + 1, 0);
    expect(first.offset).toBe(before + c.column - 1);
  });

  it('reports every independent problem, in source order', () => {
    const issues = validatePolicyExpression('household.incom > 1 && person.agee < 2', 'PERSON');
    expect(issues.map((i) => i.message)).toEqual([
      '未知字段 household.incom，可用字段见上下文说明',
      '未知字段 person.agee，可用字段见上下文说明',
    ]);
  });

  it('an empty expression is an issue, not a crash', () => {
    expect(validatePolicyExpression('  ', 'PERSON')[0]?.message).toBe('表达式为空');
  });
});

describe('validatePolicyExpression accepts the documented language', () => {
  const VALID = [
    "household.perCapitaIncomeFen < household.dibaoStandardFen && !('DIBAO' in household.activeSchemes)",
    'household.incomeRatio < 1.5 && household.size >= 2',
    // int and double may be compared with each other (CEL's heterogeneous comparison).
    'household.incomeRatio < 2 && household.size > 1.0',
    "household.members.exists(m, m.age < 18 && m.inEducation) && household.area == 'rural'",
    'household.members.all(m, m.monthlyIncomeFen == 0) || household.members.exists_one(m, m.isHead)',
    'household.members.filter(m, m.age >= 60).size() >= 1 && size(household.members) <= 3',
    'household.members.map(m, m.age).exists(a, a >= 80)',
    'household.members.map(m, m.age >= 60, m.monthlyIncomeFen).all(x, x < 100000)',
    "person.sex.startsWith('F') && !person.selfCare.endsWith('LOSS') || person.selfCare.contains('LOSS')",
    'int(household.incomeRatio * 100.0) <= 150 && double(household.size) / 2.0 >= 1.0',
    'has(person.age) && person.age in [60, 70, 80] && (person.isHead ? person.age > 1 : true)',
    "'RURAL_REVITALIZATION_MONITORED' in person.categories && household.monthlyIncomeFen % 2 == 0",
    '-household.size < 0 && household.members[0].age >= 0',
    '// comments are allowed\nhousehold.size >= 1 // and at the end',
  ];
  it.each(VALID)('%s', (expression) => {
    expect(validatePolicyExpression(expression, 'PERSON')).toEqual([]);
  });

  it('every field of the context table can be read', () => {
    for (const f of CEL_CONTEXT) {
      expect(validatePolicyExpression(`has(${f.path})`, 'PERSON'), f.path).toEqual([]);
    }
  });
});
