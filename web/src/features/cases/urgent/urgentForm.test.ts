import { describe, expect, it } from 'vitest';
import { urgentReportInput } from '../../../../../contracts/cases.ts';
import { toUrgentReport, URGENT_CAUSES, URGENT_SOURCES, urgentFieldOf } from './urgentForm.ts';

describe('urgent report form', () => {
  it('sends a local report with its household and no description', () => {
    const body = toUrgentReport({
      villageCode: '370971001001',
      householdId: '0b8c3d5e-1111-4222-8333-444455556666',
      personDescription: 'ignored',
      source: 'VILLAGE',
      cause: 'FIRE',
      summary: '  房屋失火，无处居住 ',
    });
    expect(body).toEqual({
      householdId: '0b8c3d5e-1111-4222-8333-444455556666',
      villageCode: '370971001001',
      source: 'VILLAGE',
      nonLocalHukou: false,
      cause: 'FIRE',
      summary: '房屋失火，无处居住',
    });
    expect(urgentReportInput.safeParse(body).success).toBe(true);
  });

  it('sends a non-local report without a household, with the description', () => {
    const body = toUrgentReport({
      villageCode: '370971001001',
      nonLocalHukou: true,
      householdId: '0b8c3d5e-1111-4222-8333-444455556666',
      personDescription: ' 外地务工人员，男 ',
      source: 'DISCOVERY',
      cause: 'ACCIDENT',
      summary: '工地受伤',
    });
    expect(body.householdId).toBeNull();
    expect(body.nonLocalHukou).toBe(true);
    expect(body.personDescription).toBe('外地务工人员，男');
    expect(urgentReportInput.safeParse(body).success).toBe(true);
  });

  it('offers exactly the sources and causes the API takes', () => {
    expect([...URGENT_SOURCES]).toEqual(urgentReportInput.shape.source.options);
    expect([...URGENT_CAUSES]).toEqual(urgentReportInput.shape.cause.options);
  });

  it('places server issues at the form fields', () => {
    expect(urgentFieldOf(['householdId'])).toEqual(['householdId']);
    expect(urgentFieldOf(['summary'])).toEqual(['summary']);
    expect(urgentFieldOf(['nonLocalHukou'])).toBeNull();
  });
});
