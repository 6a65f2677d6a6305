import type { parse } from '@bufbuild/cel';
import { type CelT, isLoose, list, OBJECT_FIELDS, ROOT_VARIABLES, T, typeName } from './cel-types.ts';
import { type CallSite, checkCall } from './checker-calls.ts';
import type { RawIssue } from './syntax.ts';

// A small static checker over the parsed AST (the library's own checker is not exported in 0.6.1
// and rejects any call): every identifier and field must be in the documented context, operands must
// have the types the operators take, macros must range over lists with a bool condition, and the
// whole expression must be a bool. Issues carry the offset of the offending token.

export type ParsedExpr = ReturnType<typeof parse>;
export type Expr = ParsedExpr['expr'];

const MACROS = new Set(['exists', 'all', 'exists_one', 'filter', 'map']);

/** Sub-expressions; `expanded`: also a comprehension's generated parts (else only its range). */
function children(e: Expr, expanded: boolean): (Expr | undefined)[] {
  const k = e.exprKind;
  switch (k.case) {
    case 'selectExpr':
      return [k.value.operand];
    case 'callExpr':
      return [k.value.target, ...k.value.args];
    case 'listExpr':
      return k.value.elements;
    case 'comprehensionExpr': {
      const c = k.value;
      return expanded ? [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result] : [c.iterRange];
    }
    case 'structExpr':
      return k.value.entries.flatMap((en) => [
        en.value,
        ...(en.keyKind.case === 'mapKey' ? [en.keyKind.value] : []),
      ]);
    default:
      return [];
  }
}

export class PolicyChecker {
  readonly issues: RawIssue[] = [];
  private readonly byId = new Map<bigint, Expr>();
  private readonly scopes: Map<string, CelT>[] = [];
  private readonly positions: Record<string, number>;
  private readonly macroCalls: Record<string, Expr>;

  constructor(
    readonly src: string,
    parsed: ParsedExpr,
  ) {
    this.positions = (parsed.sourceInfo?.positions ?? {}) as Record<string, number>;
    this.macroCalls = (parsed.sourceInfo?.macroCalls ?? {}) as Record<string, Expr>;
    this.index(parsed.expr);
  }

  private index(e: Expr | undefined): void {
    if (!e) return;
    this.byId.set(e.id, e);
    for (const x of children(e, true)) this.index(x);
  }

  report(offset: number, zh: string, en: string): CelT {
    this.issues.push({ offset, zh, en });
    return T.error;
  }

  /** 0-based offset of an expression; for a name (field, method) the start of the name itself. */
  offset(e: Expr, name?: string): number {
    const at = this.positions[String(e.id)] ?? 0;
    if (name === undefined) return at;
    const found = this.src.indexOf(name, at);
    return found >= 0 && found - at <= 4 ? found : at;
  }

  /** The field name of `operand.field` (also inside has(…), whose position is the macro's). */
  private fieldOffset(e: Expr, operand: Expr, field: string): number {
    const from = Math.max(this.offset(e), this.start(operand));
    const m = new RegExp(`\\.\\s*${field}`).exec(this.src.slice(from));
    return m ? from + m.index + m[0].length - field.length : this.offset(e);
  }

  /** Where an expression starts in the source: the smallest offset in its subtree. */
  start(e0: Expr): number {
    const e = this.resolve(e0);
    if (!e) return 0;
    let min = this.positions[String(e.id)] ?? Number.MAX_SAFE_INTEGER;
    const kids = children(e, false);
    for (const x of kids) if (x) min = Math.min(min, this.start(x));
    return min === Number.MAX_SAFE_INTEGER ? 0 : min;
  }

  /** The dotted text of an identifier or field chain (for messages), or ''. */
  text(e: Expr | undefined): string {
    const r = e && this.resolve(e);
    if (!r) return '';
    if (r.exprKind.case === 'identExpr') return r.exprKind.value.name;
    if (r.exprKind.case === 'selectExpr') {
      const base = this.text(r.exprKind.value.operand);
      return base ? `${base}.${r.exprKind.value.field}` : '';
    }
    if (r.exprKind.case === 'constExpr') {
      const c = r.exprKind.value.constantKind;
      return c.case === 'stringValue' ? `'${c.value}'` : String(c.value);
    }
    return '';
  }

  /** Arguments of a macro call refer to expanded sub-expressions by id only. */
  resolve(e: Expr): Expr | undefined {
    return e.exprKind.case === undefined ? this.byId.get(e.id) : e;
  }

  check(e0: Expr): CelT {
    const e = this.resolve(e0);
    if (!e) return T.error;
    const k = e.exprKind;
    switch (k.case) {
      case 'constExpr':
        return this.constant(e);
      case 'identExpr':
        return this.ident(e, k.value.name);
      case 'selectExpr': {
        const operand = k.value.operand;
        if (!operand) return T.error;
        return this.select(e, operand, k.value.field, k.value.testOnly);
      }
      case 'callExpr': {
        const site: CallSite = {
          expr: e,
          fn: k.value.function,
          target: k.value.target,
          args: k.value.args,
        };
        return checkCall(this, site);
      }
      case 'listExpr':
        return this.listLiteral(k.value.elements);
      case 'comprehensionExpr':
        return this.macro(e);
      default:
        return this.report(
          this.offset(e),
          '不支持映射或对象字面量（{…}），请只使用上下文中的字段',
          'map and message literals ({…}) are not supported; use the context fields',
        );
    }
  }

  private constant(e: Expr): CelT {
    const c = e.exprKind.case === 'constExpr' ? e.exprKind.value.constantKind : undefined;
    switch (c?.case) {
      case 'boolValue':
        return T.bool;
      case 'int64Value':
        return T.int;
      case 'doubleValue':
        return T.double;
      case 'stringValue':
        return { k: 'string', literal: c.value };
      case 'nullValue':
        return T.null;
      case 'uint64Value':
        return this.report(
          this.offset(e),
          `不支持无符号整数 ${c.value}u，请去掉 u`,
          `unsigned integers such as ${c.value}u are not supported; drop the u`,
        );
      default:
        return this.report(this.offset(e), '不支持这种常量', 'this kind of constant is not supported');
    }
  }

  private ident(e: Expr, name: string): CelT {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const t = this.scopes[i]?.get(name);
      if (t) return t;
    }
    const root = ROOT_VARIABLES.get(name);
    if (root) return root;
    return this.report(
      this.offset(e),
      `未知变量 ${name}，可用的变量是 household 和 person`,
      `unknown variable ${name}; the variables are household and person`,
    );
  }

  private select(e: Expr, operand: Expr, field: string, testOnly: boolean): CelT {
    const base = this.check(operand);
    const path = `${this.text(operand) || typeName(base)}.${field}`;
    const at = this.fieldOffset(e, operand, field);
    if (isLoose(base)) return testOnly ? T.bool : T.dyn;
    if (base.k !== 'object')
      return this.report(
        at,
        `${typeName(base)} 类型的值没有字段 ${field}（${path}）`,
        `a value of type ${typeName(base)} has no field ${field} (${path})`,
      );
    const info = OBJECT_FIELDS[base.name].get(field);
    if (!info)
      return this.report(
        at,
        `未知字段 ${path}，可用字段见上下文说明`,
        `unknown field ${path}; see the context table`,
      );
    return testOnly ? T.bool : info.type;
  }

  private listLiteral(elements: Expr[]): CelT {
    let elem: CelT = T.dyn;
    for (const x of elements) {
      const t = this.check(x);
      if (isLoose(t)) continue;
      if (isLoose(elem)) elem = t.k === 'string' ? T.string : t;
      else if (elem.k !== t.k || (t.k === 'list' && typeName(t) !== typeName(elem)))
        return this.report(
          this.offset(x),
          `列表元素的类型必须相同：${typeName(elem)} 与 ${typeName(t)}`,
          `list elements must have one type: ${typeName(elem)} and ${typeName(t)}`,
        );
    }
    return list(elem);
  }

  /** exists / all / exists_one / filter / map, checked in the form the author wrote. */
  private macro(e: Expr): CelT {
    const call = this.macroCalls[String(e.id)];
    const c = call?.exprKind.case === 'callExpr' ? call.exprKind.value : undefined;
    if (!c?.target || !MACROS.has(c.function))
      return this.report(this.offset(e), '不支持的宏', 'unsupported macro');
    const fn = c.function;
    const at = this.offset(e, fn);
    const range = this.check(c.target);
    let elem: CelT = T.dyn;
    if (range.k === 'list') elem = range.elem;
    else if (!isLoose(range)) {
      this.report(
        at,
        `${fn}() 只能用于列表，但 ${this.text(c.target) || '它'} 是 ${typeName(range)}`,
        `${fn}() works on lists only, but ${this.text(c.target) || 'its target'} is ${typeName(range)}`,
      );
      elem = T.error;
    }
    const v = c.args[0];
    const name = v && v.exprKind.case === 'identExpr' ? v.exprKind.value.name : '_';
    this.scopes.push(new Map([[name, elem]]));
    try {
      const bodies = c.args.slice(1);
      const isMap = fn === 'map';
      const conditions = isMap ? bodies.slice(0, bodies.length - 1) : bodies;
      for (const cond of conditions) {
        const t = this.check(cond);
        if (t.k !== 'bool' && !isLoose(t))
          this.report(
            this.start(cond),
            `${fn}() 的条件必须是真/假（bool），现在是 ${typeName(t)}`,
            `the condition of ${fn}() must be a bool, but it is ${typeName(t)}`,
          );
      }
      if (isMap) {
        const last = bodies[bodies.length - 1];
        return list(last ? this.check(last) : T.dyn);
      }
      if (fn === 'filter') return list(elem);
      return T.bool;
    } finally {
      this.scopes.pop();
    }
  }
}
