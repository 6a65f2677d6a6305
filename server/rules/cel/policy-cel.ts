import { CelScalar, celEnv, isCelError, mapType, parse, plan } from '@bufbuild/cel';
import type { CelIssue, PolicySubject } from '../../../contracts/policies.ts';
import { type CelBindings, celBindings } from './bindings.ts';
import { typeName } from './cel-types.ts';
import { type ParsedExpr, PolicyChecker } from './checker.ts';
import type { PolicyCelContext } from './context.ts';
import { blankComments, lineColumn, lintSyntax, parserIssue, type RawIssue } from './syntax.ts';

// The eligibility language of the catalogue (domain-rules §9.3): CEL over the documented context
// (contracts/policies.ts CEL_CONTEXT). Saving validates (syntax, fields, types, bool result) with
// positions a caseworker can act on; the matcher compiles each policy once and evaluates it for
// every subject.

export type PolicyEvaluation = { ok: true; value: boolean } | { ok: false; error: string };
export type CompiledPolicy = (ctx: PolicyCelContext) => PolicyEvaluation;

const env = celEnv({
  variables: {
    household: mapType(CelScalar.STRING, CelScalar.DYN),
    person: mapType(CelScalar.STRING, CelScalar.DYN),
  },
});

function toIssue(src: string, r: RawIssue): CelIssue {
  const offset = Math.max(0, Math.min(r.offset, src.length));
  return { ...lineColumn(src, offset), offset, message: r.zh, messageEn: r.en };
}

function tryParse(expression: string): { parsed: ParsedExpr } | { issue: RawIssue } {
  try {
    return { parsed: parse(blankComments(expression)) };
  } catch (e) {
    return { issue: lintSyntax(expression) ?? parserIssue(expression, e) };
  }
}

/**
 * Issues of an eligibility expression, in source order; empty when it is valid. `subject` is the
 * policy's: `person` is bound for both (for a HOUSEHOLD policy it is the head, CEL_CONTEXT).
 */
export function validatePolicyExpression(expression: string, _subject: PolicySubject): CelIssue[] {
  if (expression.trim() === '')
    return [toIssue(expression, { offset: 0, zh: '表达式为空', en: 'the expression is empty' })];
  const r = tryParse(expression);
  if ('issue' in r) return [toIssue(expression, r.issue)];
  const checker = new PolicyChecker(expression, r.parsed);
  const t = checker.check(r.parsed.expr);
  if (t.k !== 'bool' && t.k !== 'error' && t.k !== 'dyn')
    checker.report(
      checker.start(r.parsed.expr),
      `表达式的结果必须是真/假（bool），现在是 ${typeName(t)}；请写成比较或条件，如 household.size >= 2`,
      `the expression must evaluate to a bool, but it is ${typeName(t)}; write a comparison such as household.size >= 2`,
    );
  const seen = new Set<string>();
  return checker.issues
    .sort((a, b) => a.offset - b.offset)
    .filter((i) => {
      const key = `${i.offset}:${i.zh}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((i) => toIssue(expression, i));
}

/**
 * Parses and plans once; the returned function evaluates one context (cheap: bindings are cached per
 * context object). It never throws: a parse failure, a run-time error (a missing field, a division
 * by zero) or a non-bool result comes back as { ok: false, error }.
 */
export function compilePolicyExpression(expression: string): CompiledPolicy {
  let run: (b: CelBindings) => unknown;
  try {
    run = plan(env, parse(blankComments(expression)));
  } catch (e) {
    const error = `syntax error: ${e instanceof Error ? e.message : String(e)}`;
    return () => ({ ok: false, error });
  }
  return (ctx) => {
    let result: unknown;
    try {
      result = run(celBindings(ctx));
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    if (isCelError(result)) return { ok: false, error: result.message };
    if (typeof result !== 'boolean')
      return { ok: false, error: `the result is not a bool: ${String(result)}` };
    return { ok: true, value: result };
  };
}
