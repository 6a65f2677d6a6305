import { describe, expect, it } from 'vitest';
import {
  canRecordOnCase,
  categoryLabel,
  contactText,
  feedbackBody,
  locationPoster,
} from './portalAdminModel.ts';

describe('feedback to a portal submission', () => {
  const objection = { kind: 'OBJECTION' as const, caseId: 'c1' };
  it('records an objection on its case with the chosen route when the officer asks for it', () => {
    expect(
      feedbackBody(objection, { feedback: ' 已核实 ', recordOnCase: true, caseRoute: 'DEMOCRATIC_REVIEW' }),
    ).toEqual({
      feedback: '已核实',
      caseRoute: 'DEMOCRATIC_REVIEW',
    });
  });
  it('sends no route when the officer does not record it on the case', () => {
    expect(
      feedbackBody(objection, { feedback: '已核实', recordOnCase: false, caseRoute: 'REINVESTIGATION' }),
    ).toEqual({
      feedback: '已核实',
    });
  });
  it('never sends a route for a complaint or an objection without a case', () => {
    const v = { feedback: '已处理', recordOnCase: true, caseRoute: 'REINVESTIGATION' as const };
    expect(feedbackBody({ kind: 'COMPLAINT', caseId: 'c1' }, v)).toEqual({ feedback: '已处理' });
    expect(feedbackBody({ kind: 'OBJECTION', caseId: null }, v)).toEqual({ feedback: '已处理' });
    expect(canRecordOnCase({ kind: 'COMPLAINT', caseId: 'c1' })).toBe(false);
  });
});

describe('what the inbox shows', () => {
  it('shows a real-name contact masked as the API gives it, and an anonymous one as none', () => {
    expect(contactText({ realName: true, contactNameMask: '张*', contactPhoneMask: '138****1234' })).toBe(
      '张* 138****1234',
    );
    expect(contactText({ realName: false, contactNameMask: null, contactPhoneMask: null })).toBeNull();
  });
  it('names a 12349 complaint category (PORTAL_COMPLAINT_CATEGORIES) and keeps another category as is', () => {
    expect(categoryLabel('SERVICE_DELAY', 'zh')).toBe('办理拖延');
    expect(categoryLabel('SERVICE_DELAY', 'en')).toBe('Delay');
    expect(categoryLabel('PUBLICITY', 'zh')).toBe('PUBLICITY');
  });
});

describe('a poster for a free location (posterInput: label 2–40 characters, optional village)', () => {
  it.each([
    ['a bus stop', ' 汽车站 ', undefined, { location: '汽车站' }],
    [
      'a park tied to a village',
      '人民公园',
      '320583101201',
      { location: '人民公园', villageCode: '320583101201' },
    ],
    ['a label too short', '站', undefined, null],
    ['a label too long', 'x'.repeat(41), undefined, null],
  ] as const)('%s', (_n, label, village, expected) => {
    expect(locationPoster(label, village)).toEqual(expected);
  });
});
