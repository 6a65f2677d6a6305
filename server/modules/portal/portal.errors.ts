import { AppError, errors, fieldError } from '../../platform/errors.ts';

// Errors of the public portal. Several are deliberately identical for different causes, so that no
// answer tells whether an ID number is in the registry or a tracking number exists (§9.5).

export const portalErrors = {
  sessionRequired: () =>
    new AppError(
      'portal.session_required',
      401,
      '请先通过身份证号和手机验证码验证身份',
      'Verify your identity with your ID number and a phone code first',
    ),
  /** A wrong, expired, exhausted or never-requested code, and an unknown ID number: one answer. */
  codeInvalid: () =>
    new AppError(
      'portal.code_invalid',
      400,
      '验证码错误或已失效，请重新获取',
      'The code is wrong or no longer valid; request a new one',
      [
        {
          field: 'code',
          message: '验证码错误或已失效，请重新获取',
          messageEn: 'the code is wrong or no longer valid; request a new one',
          expected: 'the 6-digit code of the latest text message, within 10 minutes',
        },
      ],
    ),
  invalidIdNumber: (message: string, messageEn: string, expected?: string) =>
    fieldError('idNumber', message, messageEn, expected),
  submissionNotFound: () =>
    new AppError(
      'portal.submission_not_found',
      404,
      '没有找到该编号的反映事项，或查询码不正确',
      'No submission with this tracking number and query code',
    ),
  notInPublicity: () =>
    fieldError(
      'noticeId',
      '该事项不在公示期内，不能提出公示异议；如有问题请拨打 12349 或通过“投诉举报”反映',
      'the case is not in publicity, so no objection can be raised; call 12349 or file a complaint',
      'the id of a notice now in publicity',
    ),
  duplicateApplication: (schemeZh: string, schemeEn: string) =>
    fieldError(
      'scheme',
      `您已在网上提交过一件正在办理的${schemeZh}申请，请勿重复提交；可在“我的申请”中查看进度`,
      `you already submitted a ${schemeEn} application online that is still open; follow it under "my applications"`,
      'one open online application per applicant and scheme',
    ),
  uploadNotUsable: (i: number) =>
    fieldError(
      `attachmentIds.${i}`,
      '该材料不存在、已被使用或不是本次验证上传的，请重新上传',
      'the upload does not exist, was already used, or belongs to another session; upload it again',
    ),
  uploadType: () =>
    fieldError(
      'file',
      '只能上传 JPG、PNG 图片或 PDF 文件',
      'only JPG or PNG images and PDF files can be uploaded',
      'a .jpg, .png or .pdf file (checked by its content)',
    ),
  uploadMissing: () =>
    fieldError('file', '请选择要上传的文件', 'attach one file', 'multipart/form-data with one file'),
  uploadTooLarge: () =>
    new AppError('portal.upload_too_large', 413, '文件不能超过 10 MB', 'A file may be at most 10 MB', [
      {
        field: 'file',
        message: '文件不能超过 10 MB',
        messageEn: 'a file may be at most 10 MB',
        expected: '≤ 10 MB',
      },
    ]),
  tooManyUploads: (n: number) =>
    fieldError('file', `每次申请最多上传 ${n} 个材料`, `at most ${n} uploads per application`),
  submission: () => errors.notFound('反映事项', 'submission', 'portal.submission_not_found'),
  alreadyAnswered: () =>
    errors.conflict(
      'portal.already_answered',
      '该事项已答复办结',
      'this submission has already been answered',
    ),
  objectionRouteOnlyForObjections: () =>
    fieldError(
      'caseRoute',
      '只有公示异议才能转入案件的重新调查或民主评议',
      'only an objection to a publicity can be taken to re-investigation or democratic review',
    ),
};
