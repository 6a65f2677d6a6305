// One error shape for the whole API (architecture convention 6):
// { error: { code, message, messageEn, details?, requestId } }
// Messages are bilingual because bad input must be explained to Chinese caseworkers and to
// English-reading integrators alike.

export type FieldIssue = {
  /** Dotted path of the offending field, e.g. "members.2.idNumber". */
  field: string;
  message: string;
  messageEn: string;
  /** What would have been accepted. */
  expected?: string;
};

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: FieldIssue[] | Record<string, unknown>,
  ) {
    super(`${code}: ${messageEn}`);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export const errors = {
  validation: (details: FieldIssue[]) =>
    new AppError('validation.failed', 400, '输入有误，请按提示修改', 'The input is invalid', details),
  notFound: (what: string, whatEn: string, code = 'common.not_found') =>
    new AppError(code, 404, `${what}不存在或不在您的管辖范围内`, `${whatEn} not found in your jurisdiction`),
  forbidden: (actionZh: string, actionEn: string) =>
    new AppError('auth.forbidden', 403, `您的角色无权${actionZh}`, `Your role may not ${actionEn}`),
  unauthenticated: () => new AppError('auth.unauthenticated', 401, '请先登录', 'Please sign in first'),
  conflict: (code: string, zh: string, en: string, details?: Record<string, unknown>) =>
    new AppError(code, 409, zh, en, details),
};

/** A single-field validation error, the most common shape. */
export function fieldError(field: string, message: string, messageEn: string, expected?: string): AppError {
  return errors.validation([{ field, message, messageEn, expected }]);
}
