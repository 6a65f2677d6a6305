import type { FeedRowIssue } from '../../../contracts/feeds.ts';
import type { Permission } from '../../../contracts/roles.ts';
import { can } from '../../../contracts/roles.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, errors } from '../../platform/errors.ts';

// Error factories of the feeds module: dotted code, HTTP status, Chinese and English message.

/** More issues than this are summarised in a last line: a response of a million issues helps no one. */
export const MAX_LISTED_ISSUES = 2000;

export const feedErrors = {
  unknownSource: (code: string) =>
    new AppError(
      'feeds.unknown_source',
      404,
      `数据源“${code.slice(0, 40)}”不存在`,
      `There is no feed source "${code.slice(0, 40)}"`,
    ),
  rows: (issues: FeedRowIssue[], badRows: number) => {
    const listed = issues.slice(0, MAX_LISTED_ISSUES);
    if (issues.length > listed.length)
      listed.push({
        field: 'records',
        row: 0,
        column: '',
        message: `另有 ${issues.length - listed.length} 处错误未列出`,
        messageEn: `${issues.length - listed.length} more problems are not listed`,
      });
    return new AppError(
      'feeds.invalid_records',
      400,
      `有 ${badRows} 行数据有误，本次报送未写入任何数据，请修改后重新报送`,
      `${badRows} rows are invalid; nothing was written — correct them and deliver again`,
      listed,
    );
  },
  empty: () =>
    errors.validation([
      { field: 'records', message: '没有可报送的数据行', messageEn: 'there are no records to deliver' },
    ]),
  keyMissing: () =>
    new AppError(
      'feeds.api_key_missing',
      401,
      '缺少接口密钥：请在 Authorization 头中以 Bearer 方式提供',
      'No API key: send it as "Authorization: Bearer <key>"',
    ),
  keyInvalid: () => new AppError('feeds.api_key_invalid', 401, '接口密钥无效', 'The API key is not valid'),
  keyRevoked: () =>
    new AppError('feeds.api_key_revoked', 401, '接口密钥已被吊销', 'The API key has been revoked'),
  outOfScope: (source: string) =>
    new AppError(
      'feeds.out_of_scope',
      403,
      `该接口密钥无权访问数据源“${source.slice(0, 40)}”`,
      `This API key may not access the feed source "${source.slice(0, 40)}"`,
    ),
  keyNotFound: () => errors.notFound('接口密钥', 'API key', 'feeds.api_key_not_found'),
  alreadyRevoked: () =>
    errors.conflict('feeds.api_key_already_revoked', '该接口密钥已吊销', 'The API key is already revoked'),
};

const PERMISSION_TEXT: Record<'feeds.read' | 'feeds.upload' | 'feeds.manage_keys', [string, string]> = {
  'feeds.read': ['查看部门共享数据', 'read department data feeds'],
  'feeds.upload': ['报送部门共享数据', 'deliver department data'],
  'feeds.manage_keys': ['管理部门接口密钥', 'manage department API keys'],
};

/** requirePermission with texts of this module (platform/policies.ts only knows the older ones). */
export function requireFeedPermission(actor: Actor, p: keyof typeof PERMISSION_TEXT & Permission) {
  if (!can(actor.role, p)) throw errors.forbidden(...PERMISSION_TEXT[p]);
}
