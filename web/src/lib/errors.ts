// Turning API errors into what the caseworker sees: messages at the form fields for validation
// errors, a notification with the request id for everything else.
import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldIssue, isApiError } from '../api/client.ts';
import { type NamePath, toNamePath } from './fieldPath.ts';
import { type Lang, useLang } from './lang.ts';

export { type NamePath, toNamePath };

export function errorText(err: unknown, lang: Lang): string {
  if (isApiError(err)) return lang === 'en' ? err.messageEn : err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

export const issueText = (i: FieldIssue, lang: Lang) => (lang === 'en' ? i.messageEn : i.message);

/**
 * Where a server field goes in the form: a name path, null for "show above the form", or false to
 * drop it (a follow-on issue about a field the form does not show).
 */
export type FieldResolver = (path: NamePath) => NamePath | null | false;

/**
 * Puts each field issue of an API error at its form field. Returns the issues that have no field in
 * this form so that the caller can list them above the form.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  lang: Lang,
  resolve: FieldResolver = (p) => p,
): FieldIssue[] {
  if (!isApiError(err)) return [];
  const grouped = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: FieldIssue[] = [];
  for (const issue of err.fieldIssues) {
    const target = issue.field ? resolve(toNamePath(issue.field)) : null;
    if (target === false) continue;
    if (target === null) {
      unplaced.push(issue);
      continue;
    }
    const key = JSON.stringify(target);
    const g = grouped.get(key) ?? { name: target, errors: [] };
    g.errors.push(issueText(issue, lang));
    grouped.set(key, g);
  }
  const fields = [...grouped.values()];
  form.setFields(fields.map((f) => ({ name: f.name, errors: f.errors })));
  const first = fields[0];
  if (first) form.scrollToField(first.name, { block: 'center' });
  return unplaced;
}

/** A notifier for errors that are not about a field: message, code and request id. */
export function useErrorNotifier() {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  const lang = useLang();
  return useCallback(
    (err: unknown, title?: string) => {
      if (err instanceof Error && err.name === 'AbortError') return;
      if (isApiError(err) && err.status === 401) return; // the client is already redirecting to sign-in
      const text = errorText(err, lang);
      const requestId = isApiError(err) ? err.requestId : null;
      notification.error({
        title: title ?? text,
        description: [title ? text : null, requestId ? t('common.requestId', { id: requestId }) : null]
          .filter(Boolean)
          .join(' · '),
        duration: 8,
      });
    },
    [notification, t, lang],
  );
}

/**
 * The usual catch block of a form: field issues go to the fields, anything else is notified.
 * Returns the field issues that have no place in the form (show them above it, or notify).
 */
export function reportFormError(
  form: FormInstance,
  err: unknown,
  lang: Lang,
  notify: (err: unknown) => void,
  resolve?: FieldResolver,
): FieldIssue[] {
  if (isApiError(err) && err.fieldIssues.length > 0) return applyFieldErrors(form, err, lang, resolve);
  notify(err);
  return [];
}
