import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CARE_MISSED_JOB } from '../../../../server/modules/care/care.jobs.ts';
import { REMINDERS_JOB } from '../../../../server/modules/cases/reminders.usecases.ts';
import { RECALC_JOB } from '../../../../server/modules/entitlements/recalc.usecases.ts';
import { IMPORT_JOB } from '../../../../server/modules/imports/imports.usecases.ts';
import { COMPARE_JOB } from '../../../../server/modules/monitoring/compare.usecases.ts';
import { ESCALATION_JOB } from '../../../../server/modules/monitoring/monitoring.jobs.ts';
import { PAYROLL_JOB } from '../../../../server/modules/payroll/payroll.usecases.ts';
import { MATCH_JOB } from '../../../../server/modules/policies/matching.usecases.ts';
import type { JobView } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { jobSummary, SUMMARIES } from './jobSummary.ts';

const SERVER_JOBS = [
  IMPORT_JOB,
  REMINDERS_JOB,
  COMPARE_JOB,
  ESCALATION_JOB,
  MATCH_JOB,
  PAYROLL_JOB,
  RECALC_JOB,
  CARE_MISSED_JOB,
];

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
const zh = i18n.getFixedT('zh-CN');
const enT = i18n.getFixedT('en');

const job = (name: string, result: Record<string, unknown> | null, over: Partial<JobView> = {}): JobView => ({
  id: 'j',
  name,
  status: 'succeeded',
  progressDone: 1,
  progressTotal: 1,
  progressMessage: null,
  result,
  error: null,
  attempts: 1,
  createdAt: '2026-11-29T01:00:00Z',
  startedAt: null,
  finishedAt: null,
  ...over,
});

describe('jobSummary', () => {
  it('names and summarises every job the server runs, in both languages', () => {
    expect(Object.keys(SUMMARIES).sort()).toEqual([...SERVER_JOBS].sort());
    for (const name of SERVER_JOBS) {
      expect(zhCN.jobs.names, name).toHaveProperty([name]);
      expect(en.jobs.names, name).toHaveProperty([name]);
      expect(zh(`jobs.names.${name}` as 'jobs.names.payroll.compute')).not.toBe(`jobs.names.${name}`);
    }
  });

  it.each([
    [PAYROLL_JOB, { runId: 'r', lines: 936, netFen: 123_456_789 }, '发放明细 936 条，实发 1234567.89 元'],
    [
      PAYROLL_JOB,
      { runId: 'r', scheme: 'TEKUN', month: '2026-10-01', lines: 936, netFen: 100 },
      '2026-10 特困供养：发放明细 936 条，实发 1.00 元',
    ],
    [
      REMINDERS_JOB,
      { date: '2026-11-29', raised: { OVERDUE: 10, DUE_SOON: 5 } },
      '2026-11-29：逾期 10 件，即将到期 5 件，待复核 0 件',
    ],
    [ESCALATION_JOB, { date: '2026-11-29', escalated: 111 }, '2026-11-29：111 条逾期预警升级至镇街'],
    [CARE_MISSED_JOB, { date: '2026-11-29', month: '2026-10-01', raised: 0 }, '2026-10 漏访 0 条'],
    [COMPARE_JOB, { runId: 'r', raised: 16658, counts: {}, stepMs: {} }, '新增预警 16658 条'],
    [
      RECALC_JOB,
      { runId: 'r', checked: 2645, changed: 12, ineligible: 1, monthlyDeltaFen: -4_500, backPayFen: 30_000 },
      '复核 2645 件，待遇变化 12 件，不再符合 1 件；每月增减 -45.00 元，补发 300.00 元',
    ],
  ])('reads the result of %s into words', (name, result, text) => {
    expect(jobSummary(job(name, result), zh, 'zh')).toBe(text);
    expect(jobSummary(job(name, result), enT, 'en')).not.toMatch(/[\u4e00-\u9fff{}]/);
  });

  it('shows a failure’s message in the reader’s language and a running job’s progress', () => {
    const failed = job(PAYROLL_JOB, null, {
      status: 'failed',
      error: { code: 'x', message: '计算失败', messageEn: 'computation failed' },
    });
    expect(jobSummary(failed, zh, 'zh')).toBe('计算失败');
    expect(jobSummary(failed, enT, 'en')).toBe('computation failed');
    expect(jobSummary(job(PAYROLL_JOB, null, { status: 'running', progressMessage: '3/6' }), zh, 'zh')).toBe(
      '3/6',
    );
    expect(jobSummary(job(COMPARE_JOB, { skipped: 'SUCCEEDED' }), zh, 'zh')).toBe(
      '未执行（批次状态：已完成）',
    );
    expect(jobSummary(job(COMPARE_JOB, { skipped: 'ODD' }), enT, 'en')).toBe(
      'not run (the run is already ODD)',
    );
  });
});
