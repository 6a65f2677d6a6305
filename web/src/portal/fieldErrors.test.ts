import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { placeAt, placeIssues, reword } from './fieldErrors.ts';
import { applicationFieldTarget } from './model.ts';

const validation = new ApiError({
  status: 400,
  code: 'validation.failed',
  message: '输入有误',
  messageEn: 'Invalid input',
  details: [
    { field: 'members.0.idNumber', message: '身份证号码校验位不正确', messageEn: 'Wrong check character' },
    { field: 'members.0.idNumber', message: '与申请人重复', messageEn: 'Same as the applicant' },
    { field: 'attachmentIds.2', message: '附件不存在', messageEn: 'No such attachment' },
    { field: 'idNumber', message: '已有在办申请', messageEn: 'An application is pending' },
  ],
  requestId: 'r1',
});

describe('server field errors', () => {
  it('go to the field they name, several on one field together, in both languages', () => {
    const { placed, unplaced } = placeIssues(validation, applicationFieldTarget);
    expect(placed).toEqual([
      {
        name: ['members', 0, 'idNumber'],
        texts: {
          zh: ['身份证号码校验位不正确', '与申请人重复'],
          en: ['Wrong check character', 'Same as the applicant'],
        },
      },
      { name: ['attachmentIds'], texts: { zh: ['附件不存在'], en: ['No such attachment'] } },
    ]);
    expect(unplaced.map((i) => i.field)).toEqual(['idNumber']);
  });

  it('place nothing for an error that is not the API shape', () => {
    expect(placeIssues(new Error('boom'))).toEqual({ placed: [], unplaced: [] });
  });

  it('put a rate limit at the field the form names', () => {
    const limited = new ApiError({
      status: 429,
      code: 'rate_limited',
      message: '请 30 秒后再试',
      messageEn: 'Retry in 30 s',
    });
    expect(placeAt(limited, ['phone'])).toEqual({
      name: ['phone'],
      texts: { zh: ['请 30 秒后再试'], en: ['Retry in 30 s'] },
    });
  });

  it('are re-worded on a language switch, except on a field the citizen has corrected since', () => {
    const { placed } = placeIssues(validation, applicationFieldTarget);
    const current = new Map<string, string[]>([
      [JSON.stringify(['members', 0, 'idNumber']), ['身份证号码校验位不正确', '与申请人重复']],
      [JSON.stringify(['attachmentIds']), []],
    ]);
    expect(reword(placed, 'zh', 'en', (n) => current.get(JSON.stringify(n)) ?? [])).toEqual([
      { name: ['members', 0, 'idNumber'], errors: ['Wrong check character', 'Same as the applicant'] },
    ]);
  });
});
