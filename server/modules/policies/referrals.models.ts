import type { ReferralState } from '../../../contracts/policies.ts';
import { AppError, errors } from '../../platform/errors.ts';

// Department referrals (转办, §9.3): when one is overdue, who may answer it, and the errors of the
// module. Pure.

/** Overdue: still PENDING after its due date (due_on is the last day to answer, §2.1). */
export const isOverdue = (r: { state: ReferralState; dueOn: string }, today: string): boolean =>
  r.state === 'PENDING' && r.dueOn < today;

/**
 * Who answers a referral: a liaison for its own department only; the district's 民政 staff for the
 * CIVIL_AFFAIRS department (民政 is a department of the catalogue too, and has no liaison of its own).
 */
export type Answerer = { kind: 'liaison'; departmentCode: string } | { kind: 'civil_affairs' };

export function mayAnswer(who: Answerer, departmentCode: string): boolean {
  return who.kind === 'liaison' ? who.departmentCode === departmentCode : departmentCode === 'CIVIL_AFFAIRS';
}

export const referralErrors = {
  notFound: () => errors.notFound('部门转办', 'department referral', 'referrals.not_found'),
  noDepartment: () =>
    new AppError(
      'referrals.no_department',
      403,
      '您的部门联络员账号尚未关联部门，请联系区民政局管理员在“部门”中关联后再查看和答复转办',
      'your department-liaison account is not linked to a department; ask the district administrator to link it under Departments before you can see and answer referrals',
    ),
  civilAffairsOnly: () =>
    new AppError(
      'referrals.civil_affairs_only',
      403,
      '区民政工作人员只能答复转给民政部门的转办，其他部门的转办由该部门联络员答复',
      "district civil-affairs staff answer only referrals to the civil-affairs department; another department's liaison answers its own",
    ),
  alreadyAnswered: (state: ReferralState) =>
    errors.conflict(
      'referrals.already_answered',
      `该转办已答复（${state === 'GRANTED' ? '已给予' : state === 'REFUSED' ? '不予给予' : '已撤回'}），不能再次答复`,
      `the referral has already been answered (${state}); it cannot be answered again`,
      { state },
    ),
  department: () => errors.notFound('部门', 'department', 'policies.department_not_found'),
  user: () => errors.notFound('用户', 'user', 'referrals.user_not_found'),
};

/** The title of a referral's link in the household's assistance chain: the policy and the outcome. */
export function chainTitle(r: {
  policyName: string;
  departmentName: string;
  departmentNameEn: string;
  state: ReferralState;
  dueOn: string;
  answeredOn: string | null;
  answerReason: string | null;
}): { title: string; titleEn: string } {
  const [zh, en] =
    r.state === 'PENDING'
      ? [`待${r.departmentName}答复，限 ${r.dueOn} 前`, `awaiting ${r.departmentNameEn}, due ${r.dueOn}`]
      : r.state === 'GRANTED'
        ? [
            `${r.departmentName}已给予（${r.answeredOn ?? ''}）`,
            `granted by ${r.departmentNameEn} on ${r.answeredOn ?? ''}`,
          ]
        : r.state === 'REFUSED'
          ? [
              `${r.departmentName}不予给予：${r.answerReason ?? ''}`,
              `refused by ${r.departmentNameEn}: ${r.answerReason ?? ''}`,
            ]
          : [`已撤回`, 'withdrawn'];
  return { title: `${r.policyName}（${zh}）`, titleEn: `${r.policyName} (${en})` };
}
