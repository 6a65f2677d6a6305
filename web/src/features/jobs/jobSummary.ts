// What a finished background job did, in words: each job's result object (see the job's handler on
// the server) read into a sentence, so that the jobs page never shows raw JSON to a caseworker.
import type { TFunction } from 'i18next';
import type { ImportJobResult, JobView } from '../../api/types.ts';
import { fenToYuan } from '../../lib/format.ts';

type Result = Record<string, unknown>;
const num = (r: Result, key: string): number => (typeof r[key] === 'number' ? (r[key] as number) : 0);
const text = (r: Result, key: string): string => (typeof r[key] === 'string' ? (r[key] as string) : '');

export const SUMMARIES: Record<string, (r: Result, t: TFunction) => string> = {
  'registry.import_households': (r, t) => {
    const x = r as ImportJobResult;
    const summary = x.ok
      ? t('jobs.importOk', { households: x.households, persons: x.persons })
      : t('jobs.importBad', { count: x.errorCount });
    return x.filename ? `${x.filename} · ${summary}` : summary;
  },
  'cases.reminders': (r, t) => {
    const raised = (r.raised ?? {}) as Result;
    return t('jobs.summary.reminders', {
      date: text(r, 'date'),
      overdue: num(raised, 'OVERDUE'),
      dueSoon: num(raised, 'DUE_SOON'),
      review: num(raised, 'REVIEW_DUE'),
    });
  },
  'monitoring.escalate': (r, t) =>
    t('jobs.summary.escalate', { date: text(r, 'date'), count: num(r, 'escalated') }),
  'monitoring.compare': (r, t) => t('jobs.summary.compare', { count: num(r, 'raised') }),
  'policies.match': (r, t) =>
    t('jobs.summary.match', {
      policies: num(r, 'policies'),
      evaluated: num(r, 'subjectsEvaluated'),
      matched: num(r, 'matched'),
      newMatches: num(r, 'newMatches'),
      referrals: num(r, 'referralsCreated'),
    }),
  'payroll.compute': (r, t) => {
    const figures = t('jobs.summary.payroll', { lines: num(r, 'lines'), net: fenToYuan(num(r, 'netFen')) });
    // Which run: a result from before the run's scheme and month were kept says the figures only.
    const scheme = text(r, 'scheme');
    if (!scheme) return figures;
    const name = t(`payroll.schemes.${scheme}` as 'payroll.schemes.DIBAO');
    return t('jobs.summary.payrollOf', {
      month: text(r, 'month').slice(0, 7),
      scheme: name.startsWith('payroll.') ? scheme : name,
      figures,
    });
  },
  'entitlements.recalc': (r, t) =>
    t('jobs.summary.recalc', {
      checked: num(r, 'checked'),
      changed: num(r, 'changed'),
      ineligible: num(r, 'ineligible'),
      delta: fenToYuan(num(r, 'monthlyDeltaFen')),
      backPay: fenToYuan(num(r, 'backPayFen')),
    }),
  'care.missed-visits': (r, t) =>
    t('jobs.summary.missedVisits', { month: text(r, 'month').slice(0, 7), count: num(r, 'raised') }),
};

/** The job's outcome in words: its error, its result, or while it runs its progress message. */
export function jobSummary(j: JobView, t: TFunction, lang: 'zh' | 'en'): string {
  if (j.status === 'failed' && j.error) {
    const e = j.error as { message?: string; messageEn?: string; code?: string };
    return (lang === 'en' ? e.messageEn : e.message) ?? e.code ?? '';
  }
  if (!j.result) return j.progressMessage ?? '';
  const r = j.result as Result;
  // A run that found its record already finished or cancelled did nothing.
  if (typeof r.skipped === 'string') {
    // A status without a label reads as its code (i18next answers a missing key with the key).
    const key = `jobs.runStatuses.${r.skipped}`;
    const label = t(key as 'jobs.runStatuses.APPROVED');
    return t('jobs.summary.skipped', { status: label === key ? r.skipped : label });
  }
  const summarize = SUMMARIES[j.name];
  return summarize ? summarize(r, t) : JSON.stringify(j.result);
}
