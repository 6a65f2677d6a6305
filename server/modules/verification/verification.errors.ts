import { AppError, errors } from '../../platform/errors.ts';

// Errors of economic-status checks: dotted code, HTTP status, Chinese and English message.

export const checkErrors = {
  requestNotFound: () => errors.notFound('核对申请', 'check request', 'checks.request_not_found'),
  reportNotFound: () => errors.notFound('核对报告', 'check report', 'checks.report_not_found'),
  /** §2.2 / S1 Art.9(三) / S2 Art.10: no check of anyone who has not signed the authorisation. */
  consentMissing: (masks: readonly string[]) =>
    new AppError(
      'checks.consent_missing',
      409,
      `以下人员尚未签署授权核对书，不能提请核对：${masks.join('、')}（§2.2；S1 第九条；S2 第十条）`,
      `§2.2, S1 Art.9, S2 Art.10: no signed check authorisation for ${masks.join(', ')}`,
      { persons: masks },
    ),
  notCaseSubject: () =>
    new AppError(
      'checks.not_case_subject',
      409,
      '核对对象须为本案家庭成员或特困人员的法定义务人',
      "the people to check must be the case's members or, for 特困, its legal supporters",
    ),
  countyOnly: () =>
    new AppError(
      'checks.county_only',
      403,
      '核对由区（县）民政部门启动（S1 第十七条）',
      'S1 Art.17: the county bureau starts the information check',
    ),
  alreadyStarted: () =>
    new AppError('checks.already_started', 409, '该核对已启动', 'this check has already started'),
  notStarted: () =>
    new AppError(
      'checks.not_started',
      409,
      '核对尚未启动，请先启动核对',
      'the check has not started yet; start it first',
    ),
  calendarNotCovered: (zh: string, en: string, year: number) =>
    new AppError('checks.calendar_not_covered', 409, zh, en, { year }),
};
