import { AppError, errors } from '../../platform/errors.ts';

// Error factories of the grassroots module: dotted code, HTTP status, Chinese and English message.

export const postNotFound = () =>
  errors.notFound('协理员任职记录', 'The assistant post', 'assistants.post_not_found');

/** §9.6: one assistant per village at a time; a second open post is refused (hand over instead). */
export const postOccupied = (holder: string, fromOn: string) =>
  errors.conflict(
    'assistants.post_occupied',
    holder
      ? `该村已有在任协理员 ${holder}（自 ${fromOn} 起），请先办理离任或交接`
      : '该村已有在任协理员，请先办理离任或交接',
    holder
      ? `the village already has an assistant (${holder}, since ${fromOn}); end the post or hand over`
      : 'the village already has an assistant; end the post or hand over',
  );

export const sessionNotFound = () =>
  errors.notFound('培训', 'The training session', 'assistants.training_not_found');

export const assessmentNotFound = () =>
  errors.notFound('月度考核记录', 'The monthly assessment', 'assistants.assessment_not_found');

export const monthNotEnded = (month: string) =>
  new AppError(
    'assistants.month_not_ended',
    409,
    `${month} 尚未结束，月度考核须在月末之后进行`,
    `${month} has not ended; a month is assessed after its last day`,
  );

export const assessmentConfirmed = () =>
  errors.conflict(
    'assistants.assessment_confirmed',
    '考核已确认，不能再修改',
    'the assessment is confirmed and cannot change',
  );

export const scoresMissing = () =>
  errors.conflict(
    'assistants.scores_missing',
    '请先录入德、能、勤、绩、廉五项评分及理由',
    'enter the five scores (德能勤绩廉) with their reasons first',
  );
