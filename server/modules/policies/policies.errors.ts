import type { CelIssue } from '../../../contracts/policies.ts';
import { AppError, errors } from '../../platform/errors.ts';

// Errors of the policy catalogue (§9.3), bilingual like every API error.

export const policiesErrors = {
  policyNotFound: () => errors.notFound('政策', 'policy', 'policies.not_found'),
  departmentNotFound: (code: string) =>
    new AppError(
      'policies.department_not_found',
      404,
      `没有代码为 ${code} 的部门`,
      `no department has the code ${code}`,
    ),
  /** 400 with every issue; the message names the first one's position. */
  invalidExpression: (issues: CelIssue[]) => {
    const first = issues[0];
    const at = first ? `第 ${first.line} 行第 ${first.column} 列：${first.message}` : '';
    const atEn = first ? `line ${first.line}, column ${first.column}: ${first.messageEn}` : '';
    return new AppError(
      'policies.invalid_expression',
      400,
      `资格条件表达式有误（${at}）`,
      `the eligibility expression is invalid (${atEn})`,
      { field: 'eligibility', issues },
    );
  },
  duplicateCode: (code: string) =>
    errors.conflict(
      'policies.duplicate_code',
      `政策代码 ${code} 已被使用`,
      `the policy code ${code} is already used`,
    ),
  versionConflict: (current: number) =>
    errors.conflict(
      'policies.version_conflict',
      `该政策已被他人修改（当前第 ${current} 版），请刷新后重试`,
      `the policy was changed by someone else (now version ${current}); reload and retry`,
      { current },
    ),
};
