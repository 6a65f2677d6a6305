// Building blocks of the portal pages: the mobile page frame with its top bar, errors in the
// current language, the hotline, and a small loader for GET requests.
import { Alert, Button, type FormInstance, Grid, Spin } from 'antd';
import { type DependencyList, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../api/client.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { errorText, issueText } from '../lib/errors.ts';
import type { NamePath } from '../lib/fieldPath.ts';
import { type Lang, useLang } from '../lib/lang.ts';
import { usePortal } from './context.tsx';
import {
  type FieldIssue as Issue,
  type Placed,
  placeAt,
  placeIssues,
  type Resolve,
  reword,
} from './fieldErrors.ts';
import { telHref } from './model.ts';

/** Sets document.title to "<page> · 救助服务码上通" (the portal's name alone on the home page). */
export function usePageTitle(page: string | null) {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the title follows a language switch
  useEffect(() => {
    document.title = page ? t('portal.pageTitle', { page }) : t('portal.title');
  }, [page, t, i18n.language]);
}

/** The page frame: a sticky top bar (back, title, language) and the content, max 560 px wide. */
export function PortalPage({
  title,
  back = true,
  testId,
  docTitle,
  children,
}: {
  title: string;
  back?: boolean;
  testId?: string;
  /** document.title when it should say more than the bar (a policy's name). */
  docTitle?: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { hotlines } = usePortal();
  usePageTitle(back ? (docTitle ?? title) : null);
  const goBack = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate('/portal');
  };
  return (
    <div className="hjp-page" data-testid={testId}>
      <header className="hjp-bar">
        {back ? (
          <Button type="text" className="hjp-back" onClick={goBack} data-testid="portal-back">
            ‹ {t('portal.back')}
          </Button>
        ) : null}
        <h1 className="hjp-title" data-testid="portal-title">
          {title}
        </h1>
        <LanguageSwitch ghost />
      </header>
      <main className="hjp-content" style={{ padding: screens.sm ? '20px 20px 32px' : '16px 12px 28px' }}>
        {children}
      </main>
      <footer className="hjp-footer">
        <Link to="/portal" data-testid="portal-home-link">
          {t('portal.homeLink')}
        </Link>
        <span aria-hidden="true"> · </span>
        {t('portal.hotlineLabel')}{' '}
        {hotlines.map((h, i) => (
          <span key={h}>
            {i > 0 ? '、' : null}
            <a href={telHref(h)}>{h}</a>
          </span>
        ))}
      </footer>
    </div>
  );
}

/** The county's hotlines as tel: links. */
export function Hotlines({ testId = 'hotline' }: { testId?: string }) {
  const { t } = useTranslation();
  const { hotlines } = usePortal();
  return (
    <p className="hjp-hotline" data-testid={testId}>
      {t('portal.hotlineLabel')}：
      {hotlines.map((h, i) => (
        <span key={h}>
          {i > 0 ? '、' : null}
          <a href={telHref(h)}>{h}</a>
        </span>
      ))}
    </p>
  );
}

export type Shown = { kind: 'error'; error: unknown } | { kind: 'issues'; issues: Issue[] } | null;

/** An API error (message in the current language, request id) or server issues without a field. */
export function ErrorAlert({ shown, onRetry }: { shown: Shown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!shown) return null;
  if (shown.kind === 'issues') {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="portal-error"
        className="hjp-gap"
        title={t('portal.apply.fieldErrors')}
        description={
          <ul className="hjp-list">
            {shown.issues.map((i) => (
              <li key={`${i.field}:${i.message}`}>{issueText(i, lang)}</li>
            ))}
          </ul>
        }
      />
    );
  }
  const requestId = isApiError(shown.error) ? shown.error.requestId : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="portal-error"
      className="hjp-gap"
      title={errorText(shown.error, lang)}
      description={requestId ? t('portal.requestId', { id: requestId }) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('portal.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/**
 * Errors of a form: the server's field issues go to their fields, a rate limit (429) or another
 * field-less refusal to `atField` when the form has a natural place for it, the rest above the form.
 * Field messages follow a later language switch.
 */
export function useFormError() {
  const lang = useLang();
  const [shown, setShown] = useState<Shown>(null);
  const last = useRef<{ form: FormInstance; placed: Placed[]; lang: Lang } | null>(null);

  useEffect(() => {
    const l = last.current;
    if (!l || l.lang === lang) return;
    const fields = reword(l.placed, l.lang, lang, (name) => l.form.getFieldError(name));
    if (fields.length > 0) l.form.setFields(fields);
    last.current = { ...l, lang };
  }, [lang]);

  const report = useCallback(
    (err: unknown, form: FormInstance | undefined, opts: { resolve: Resolve; atField?: NamePath }) => {
      if (err instanceof Error && err.name === 'AbortError') return;
      let placed: Placed[] = [];
      let unplaced: Issue[] = [];
      if (isApiError(err) && err.fieldIssues.length > 0) {
        ({ placed, unplaced } = placeIssues(err, form ? opts.resolve : () => null));
      } else if (
        form &&
        opts.atField &&
        isApiError(err) &&
        err.status >= 400 &&
        err.status < 500 &&
        err.status !== 401
      ) {
        placed = [placeAt(err, opts.atField)];
      }
      if (form && placed.length > 0) {
        form.setFields(placed.map((p) => ({ name: p.name, errors: p.texts[lang] })));
        form.scrollToField(placed[0]?.name ?? [], { block: 'center' });
        last.current = { form, placed, lang };
      }
      if (unplaced.length > 0) {
        setShown({ kind: 'issues', issues: unplaced });
        return;
      }
      if (placed.length > 0) {
        setShown(null);
        return;
      }
      setShown({ kind: 'error', error: err });
    },
    [lang],
  );
  const clear = useCallback(() => setShown(null), []);
  return { shown, report, clear };
}

/** A GET that reloads when `deps` change; aborted when the page leaves. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load reads
  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    load(ctl.signal)
      .then((d) => {
        setData(d);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setError(e);
        setLoading(false);
      });
    return () => ctl.abort();
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload };
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="hjp-loading" data-testid="portal-loading">
      <Spin />
      <span>{t('portal.loading')}</span>
    </div>
  );
}

/** The error of a GET, with a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return <ErrorAlert shown={{ kind: 'error', error }} onRetry={onRetry} />;
}
