import { describe, expect, it } from 'vitest';
import { planInput } from '../../../../contracts/care.ts';
import { perWeek, planFieldOf, planNotes, planProblems, toPlanBody } from './planForm.ts';

// The console checks a plan with the limits of contracts/care.ts planInput (§5.3) so that the
// caseworker sees the problem at the field before the server answers 400.

describe('care plan form', () => {
  const ok = { visitsPerMonth: 8, minMinutes: 60, items: ['MEAL_HELP', 'CLEANING'] };

  it.each([
    ['a usual plan', ok],
    ['the lowest limits', { visitsPerMonth: 1, minMinutes: 10, items: ['COUNSELLING'] }],
    ['the highest limits', { visitsPerMonth: 62, minMinutes: 480, items: ['BATHING'] }],
    ['no visits', { ...ok, visitsPerMonth: 0 }],
    ['63 visits a month', { ...ok, visitsPerMonth: 63 }],
    ['half a visit', { ...ok, visitsPerMonth: 2.5 }],
    ['9 minutes', { ...ok, minMinutes: 9 }],
    ['481 minutes', { ...ok, minMinutes: 481 }],
    ['minutes missing', { ...ok, minMinutes: null }],
    ['no item', { ...ok, items: [] }],
    ['an unknown item', { ...ok, items: ['MASSAGE'] }],
  ])('agrees with the server’s planInput: %s', (_, v) => {
    const server = planInput.safeParse(v);
    expect(planProblems(v).length === 0).toBe(server.success);
  });

  it('names each field with its problem and limits', () => {
    expect(planProblems({ visitsPerMonth: 63, minMinutes: 7.5, items: [] })).toEqual([
      { field: 'visitsPerMonth', problem: 'range', min: 1, max: 62 },
      { field: 'minMinutes', problem: 'integer', min: 10, max: 480 },
      { field: 'items', problem: 'required', min: 1, max: 9 },
    ]);
    expect(planProblems({})).toEqual([
      { field: 'visitsPerMonth', problem: 'required', min: 1, max: 62 },
      { field: 'minMinutes', problem: 'required', min: 10, max: 480 },
      { field: 'items', problem: 'required', min: 1, max: 9 },
    ]);
  });

  it('sends the items once each, in the catalogue’s order', () => {
    const body = toPlanBody({
      visitsPerMonth: 4,
      minMinutes: 30,
      items: ['COUNSELLING', 'MEAL_HELP', 'MEAL_HELP'],
    });
    expect(body).toEqual({ visitsPerMonth: 4, minMinutes: 30, items: ['MEAL_HELP', 'COUNSELLING'] });
    expect(planInput.safeParse(body).success).toBe(true);
  });

  it('shows a month’s visits as visits a week (12 months over 52 weeks)', () => {
    expect(perWeek(13)).toBe(3);
    expect(perWeek(8)).toBe(1.8);
    expect(perWeek(1)).toBe(0.2);
  });

  it('puts a server issue about one item at the items field, and others above the form', () => {
    expect(planFieldOf(['items', 2])).toEqual(['items']);
    expect(planFieldOf(['minMinutes'])).toEqual(['minMinutes']);
    expect(planFieldOf(['coverageId'])).toBeNull();
  });

  it('notes fewer visits than the contract agreed and items the contract does not buy (§5.4 planFor)', () => {
    const contract = { visitsPerMonth: 8, items: ['MEAL_HELP', 'CLEANING'] };
    expect(planNotes(ok, contract)).toEqual({ fewerVisits: false, itemsNotBought: [] });
    expect(planNotes({ ...ok, visitsPerMonth: 4, items: ['MEAL_HELP', 'BATHING'] }, contract)).toEqual({
      fewerVisits: true,
      itemsNotBought: ['BATHING'],
    });
  });
});
