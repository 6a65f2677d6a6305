import { AppError } from '../../platform/errors.ts';

export const authErrors = {
  badCredentials: () =>
    new AppError('auth.bad_credentials', 401, '用户名或密码错误', 'Wrong user name or password'),
  locked: (until: Date) =>
    new AppError(
      'auth.locked',
      423,
      `连续登录失败次数过多，账号已锁定至 ${until.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`,
      `Too many failed sign-ins: the account is locked until ${until.toISOString()}`,
      { lockedUntil: until.toISOString() },
    ),
  throttled: () =>
    new AppError(
      'auth.throttled',
      429,
      '登录尝试过于频繁，请稍后再试',
      'Too many sign-in attempts; try again later',
    ),
  disabled: () => new AppError('auth.disabled', 403, '账号已停用', 'This account is disabled'),
  csrf: () =>
    new AppError(
      'auth.csrf',
      403,
      '请求缺少有效的防伪令牌，请刷新页面后重试',
      'The request lacks a valid CSRF token; reload the page and retry',
    ),
  mustChangePassword: () =>
    new AppError(
      'auth.must_change_password',
      403,
      '首次登录须先修改密码',
      'You must change the generated password before anything else',
    ),
  wrongCurrentPassword: () =>
    new AppError('auth.wrong_current_password', 400, '当前密码不正确', 'The current password is wrong', [
      { field: 'currentPassword', message: '当前密码不正确', messageEn: 'The current password is wrong' },
    ]),
};
