import { type CelT, comparable, isLoose, isNumeric, T, typeName, unify } from './cel-types.ts';
import type { Expr, PolicyChecker } from './checker.ts';

// Operators and functions of the policy dialect: their operand types, result types and messages.

export type CallSite = { expr: Expr; fn: string; target: Expr | undefined; args: Expr[] };

const OPS: Record<string, string> = {
  '_&&_': '&&',
  '_||_': '||',
  '_==_': '==',
  '_!=_': '!=',
  '_<_': '<',
  '_<=_': '<=',
  '_>_': '>',
  '_>=_': '>=',
  '_+_': '+',
  '_-_': '-',
  '_*_': '*',
  '_/_': '/',
  '_%_': '%',
  '@in': 'in',
};

const FUNCTIONS_ZH =
  '可用的函数有 size、startsWith、endsWith、contains、int、double、string，宏有 has、exists、all、exists_one、filter、map';
const FUNCTIONS_EN =
  'the functions are size, startsWith, endsWith, contains, int, double, string, and the macros has, exists, all, exists_one, filter, map';

const MACRO_USAGE: Record<string, { zh: string; en: string }> = {
  exists: {
    zh: '例如 household.members.exists(m, m.age >= 60)',
    en: 'e.g. household.members.exists(m, m.age >= 60)',
  },
  all: { zh: '例如 household.members.all(m, m.age >= 18)', en: 'e.g. household.members.all(m, m.age >= 18)' },
  exists_one: {
    zh: '例如 household.members.exists_one(m, m.isHead)',
    en: 'e.g. household.members.exists_one(m, m.isHead)',
  },
  filter: {
    zh: '例如 household.members.filter(m, m.age < 18)',
    en: 'e.g. household.members.filter(m, m.age < 18)',
  },
  map: { zh: '例如 household.members.map(m, m.age)', en: 'e.g. household.members.map(m, m.age)' },
  has: { zh: '例如 has(person.age)', en: 'e.g. has(person.age)' },
};

/** A string literal compared with a documented field of closed values must be one of them. */
function checkValue(c: PolicyChecker, field: CelT, literal: CelT, at: Expr): void {
  if (field.k !== 'string' || literal.k !== 'string') return;
  if (!field.values || field.path === undefined || literal.literal === undefined) return;
  if (field.values.includes(literal.literal)) return;
  c.report(
    c.offset(at),
    `'${literal.literal}' 不是 ${field.path} 的可取值（${field.values.join('、')}）`,
    `'${literal.literal}' is not a value of ${field.path} (${field.values.join(', ')})`,
  );
}

function mixed(c: PolicyChecker, at: number, op: string, l: CelT, r: CelT): CelT {
  return c.report(
    at,
    `运算 ${op} 的两边类型不同（${typeName(l)} 与 ${typeName(r)}），请用 int() 或 double() 转换为同一类型`,
    `operator ${op} mixes ${typeName(l)} and ${typeName(r)}; convert one side with int() or double()`,
  );
}

function operands(c: PolicyChecker, at: number, op: string, want: string, wantEn: string, l: CelT, r?: CelT) {
  const got = r ? `${typeName(l)} 与 ${typeName(r)}` : typeName(l);
  const gotEn = r ? `${typeName(l)} and ${typeName(r)}` : typeName(l);
  return c.report(
    at,
    `运算 ${op} 需要${want}，这里是 ${got}`,
    `operator ${op} needs ${wantEn}, but got ${gotEn}`,
  );
}

export function checkCall(c: PolicyChecker, s: CallSite): CelT {
  const { fn, args } = s;
  const at = c.offset(s.expr);
  const op = OPS[fn];
  if (op !== undefined && args.length === 2) {
    const at = c.offset(s.expr, op);
    const [le, re] = args as [Expr, Expr];
    const l = c.check(le);
    const r = c.check(re);
    const loose = isLoose(l) || isLoose(r);
    switch (fn) {
      case '_&&_':
      case '_||_': {
        const bad = (
          [
            [l, le],
            [r, re],
          ] as const
        ).find(([t]) => t.k !== 'bool' && !isLoose(t));
        if (!bad) return T.bool;
        const what = c.text(bad[1]);
        return c.report(
          c.start(bad[1]),
          `运算 ${op} 的两边必须是真/假（bool），${what || '这一边'} 是 ${typeName(bad[0])}`,
          `both sides of ${op} must be bool, but ${what || 'this side'} is ${typeName(bad[0])}`,
        );
      }
      case '_==_':
      case '_!=_':
        if (!comparable(l, r)) return operands(c, at, op, '两边类型可比较', 'comparable types', l, r);
        checkValue(c, l, r, re);
        checkValue(c, r, l, le);
        return T.bool;
      case '_<_':
      case '_<=_':
      case '_>_':
      case '_>=_':
        if (loose || (isNumeric(l) && isNumeric(r)) || (l.k === 'string' && r.k === 'string')) return T.bool;
        return operands(c, at, op, '数字与数字或字符串与字符串', 'numbers or strings on both sides', l, r);
      case '@in':
        if (isLoose(r)) return T.bool;
        if (r.k !== 'list') return operands(c, at, op, '右边是列表', 'a list on the right', l, r);
        if (!comparable(l, r.elem))
          return operands(c, at, op, `左边是 ${typeName(r.elem)}`, `${typeName(r.elem)} on the left`, l, r);
        checkValue(c, r.elem, l, le);
        return T.bool;
      default:
        return arithmetic(c, at, fn, op, l, r);
    }
  }
  if (fn === '!_' && args.length === 1) {
    const t = c.check(args[0] as Expr);
    if (t.k === 'bool' || isLoose(t)) return T.bool;
    return operands(c, at, '!', '真/假（bool）', 'a bool', t);
  }
  if (fn === '-_' && args.length === 1) {
    const t = c.check(args[0] as Expr);
    if (isNumeric(t) || isLoose(t)) return t;
    return operands(c, at, '-', '数字', 'a number', t);
  }
  if (fn === '_?_:_' && args.length === 3) {
    const [ce, ae, be] = args as [Expr, Expr, Expr];
    const cond = c.check(ce);
    if (cond.k !== 'bool' && !isLoose(cond))
      c.report(
        c.offset(ce),
        `?: 的条件必须是真/假（bool），现在是 ${typeName(cond)}`,
        `the condition of ?: must be a bool, but it is ${typeName(cond)}`,
      );
    const a = c.check(ae);
    const b = c.check(be);
    const u = unify(a, b);
    if (u) return u;
    return c.report(
      at,
      `?: 两个分支的类型必须相同，这里是 ${typeName(a)} 与 ${typeName(b)}`,
      `both branches of ?: must have one type, but they are ${typeName(a)} and ${typeName(b)}`,
    );
  }
  if (fn === '_[_]' && args.length === 2) {
    const l = c.check(args[0] as Expr);
    const i = c.check(args[1] as Expr);
    if (i.k !== 'int' && !isLoose(i)) return operands(c, at, '[]', '整数下标', 'an int index', i);
    if (l.k === 'list') return l.elem;
    if (isLoose(l)) return T.dyn;
    return operands(c, at, '[]', '列表', 'a list', l);
  }
  return functionCall(c, s);
}

function arithmetic(c: PolicyChecker, at: number, fn: string, op: string, l: CelT, r: CelT): CelT {
  if (isLoose(l) || isLoose(r)) return isLoose(l) ? r : l;
  if (fn === '_+_' && l.k === 'string' && r.k === 'string') return T.string;
  if (fn === '_+_' && l.k === 'list' && r.k === 'list') {
    const u = unify(l, r);
    return u ?? operands(c, at, op, '两个同类型的列表', 'two lists of one type', l, r);
  }
  if (fn === '_%_') {
    if (l.k === 'int' && r.k === 'int') return T.int;
    return operands(c, at, op, '两个整数（int）', 'two ints', l, r);
  }
  if (isNumeric(l) && isNumeric(r)) return l.k === r.k ? l : mixed(c, at, op, l, r);
  return operands(c, at, op, '两个数字', 'two numbers', l, r);
}

function functionCall(c: PolicyChecker, s: CallSite): CelT {
  const { fn, target, args } = s;
  const at = c.offset(s.expr, fn);
  const usage = MACRO_USAGE[fn];
  if (usage)
    return c.report(at, `${fn}() 的写法不对：${usage.zh}`, `${fn}() is not written correctly: ${usage.en}`);
  const all = target ? [target, ...args] : args;
  const types = all.map((a) => c.check(a));
  const one = types.length === 1 ? types[0] : undefined;
  const arity = (n: number) =>
    c.report(at, `${fn}() 需要 ${n} 个参数`, `${fn}() takes ${n} argument${n === 1 ? '' : 's'}`);
  const wrong = (want: string, wantEn: string) =>
    c.report(
      at,
      `${fn}() 需要${want}，这里是 ${types.map(typeName).join(', ')}`,
      `${fn}() needs ${wantEn}, but got ${types.map(typeName).join(', ')}`,
    );
  if (types.some(isLoose)) {
    if (fn === 'size' || fn === 'int') return T.int;
    if (fn === 'double') return T.double;
    if (fn === 'string') return T.string;
    if (fn === 'startsWith' || fn === 'endsWith' || fn === 'contains') return T.bool;
  }
  switch (fn) {
    case 'size':
      if (!one) return arity(1);
      return one.k === 'string' || one.k === 'list' ? T.int : wrong('字符串或列表', 'a string or a list');
    case 'startsWith':
    case 'endsWith':
    case 'contains':
      if (!target || types.length !== 2) return arity(1);
      return types[0]?.k === 'string' && types[1]?.k === 'string'
        ? T.bool
        : wrong('在字符串上用字符串参数', 'a string argument on a string');
    case 'int':
      if (!one) return arity(1);
      return isNumeric(one) || one.k === 'string' ? T.int : wrong('数字或字符串', 'a number or a string');
    case 'double':
      if (!one) return arity(1);
      return isNumeric(one) || one.k === 'string' ? T.double : wrong('数字或字符串', 'a number or a string');
    case 'string':
      if (!one) return arity(1);
      return one.k === 'list' || one.k === 'object' ? wrong('数字、字符串或真/假', 'a scalar') : T.string;
    default:
      return c.report(
        at,
        `不支持的函数 ${fn}()；${FUNCTIONS_ZH}`,
        `unsupported function ${fn}(); ${FUNCTIONS_EN}`,
      );
  }
}
