// Server errors placed at form fields in both languages, so that a language switch can re-word them.
import { type ApiError, isApiError } from '../api/client.ts';
import { type NamePath, toNamePath } from '../lib/fieldPath.ts';
import type { Lang } from '../lib/lang.ts';

export type Placed = { name: NamePath; texts: Record<Lang, string[]> };
export type FieldIssue = ApiError['fieldIssues'][number];
/** Where a server field goes: a name path, or null for "above the form". */
export type Resolve = (path: NamePath) => NamePath | null;

/**
 * Groups a validation error's issues by the form field they name (several issues on one field are
 * listed together); issues without a field in this form are returned as `unplaced`.
 */
export function placeIssues(
  err: unknown,
  resolve: Resolve = (p) => p,
): { placed: Placed[]; unplaced: FieldIssue[] } {
  if (!isApiError(err)) return { placed: [], unplaced: [] };
  const byField = new Map<string, Placed>();
  const unplaced: FieldIssue[] = [];
  for (const issue of err.fieldIssues) {
    const target = issue.field ? resolve(toNamePath(issue.field)) : null;
    if (!target) {
      unplaced.push(issue);
      continue;
    }
    const key = JSON.stringify(target);
    const p = byField.get(key) ?? { name: target, texts: { zh: [], en: [] } };
    p.texts.zh.push(issue.message);
    p.texts.en.push(issue.messageEn);
    byField.set(key, p);
  }
  return { placed: [...byField.values()], unplaced };
}

/** A field-less refusal (a rate limit, a wrong code) shown at one field. */
export const placeAt = (err: ApiError, name: NamePath): Placed => ({
  name,
  texts: { zh: [err.message], en: [err.messageEn] },
});

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * After a language switch: the placed errors still showing as they were put, in the new language.
 * A field the citizen has since corrected (its errors changed) is left alone.
 */
export function reword(
  placed: readonly Placed[],
  from: Lang,
  to: Lang,
  currentErrors: (name: NamePath) => string[],
): { name: NamePath; errors: string[] }[] {
  return placed
    .filter((p) => same(currentErrors(p.name), p.texts[from]))
    .map((p) => ({ name: p.name, errors: p.texts[to] }));
}

/** A resolver that places issues only on the form's own fields (top-level names); the rest go above. */
export const fieldsOf =
  (...names: string[]): Resolve =>
  (path) =>
    typeof path[0] === 'string' && names.includes(path[0]) ? path : null;
