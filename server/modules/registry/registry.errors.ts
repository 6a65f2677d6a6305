import { AppError, errors } from '../../platform/errors.ts';

export const registryErrors = {
  householdNotFound: () => errors.notFound('该户', 'Household', 'registry.household_not_found'),
  personNotFound: () => errors.notFound('该人员', 'Person', 'registry.person_not_found'),
  memberNotFound: () => errors.notFound('该家庭成员', 'Household member', 'registry.member_not_found'),
  versionConflict: (current: number) =>
    new AppError(
      'registry.version_conflict',
      409,
      '该户信息已被他人修改，请刷新后重试',
      'Someone else changed this household; reload and try again',
      { currentVersion: current },
    ),
  householdClosed: () =>
    new AppError(
      'registry.household_closed',
      409,
      '该户已注销，不能修改',
      'This household is closed and cannot change',
    ),
  lastHead: () =>
    new AppError(
      'registry.head_required',
      409,
      '户主不能直接迁出，请先变更户主',
      'The head cannot leave; make another member the head first',
    ),
  nothingToReveal: () =>
    new AppError(
      'registry.nothing_to_reveal',
      404,
      '该人员没有登记此项信息',
      'This person has no such value on record',
    ),
};
