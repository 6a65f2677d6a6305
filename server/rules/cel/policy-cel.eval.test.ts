import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CelPerson } from './context.ts';
import { celHousehold, celPerson, householdContext, personContexts } from './context-builder.ts';
import { compilePolicyExpression } from './policy-cel.ts';

// Evaluation of eligibility expressions (§9.3): CEL ints are bound as integers (so `==` against an
// int literal holds), lists and macros work over the members, and a failure comes back as a value.

const STANDARD = 80_000; // 800 yuan per person-month

const family = celHousehold({
  area: 'rural',
  townCode: '370971001',
  villageCode: '370971001201',
  dibaoStandardFen: STANDARD,
  activeSchemes: ['DIBAO'],
  categories: ['DIBAO'],
  members: [
    celPerson({ age: 45, isHead: true, monthlyIncomeFen: 90_000, unemployed: true }),
    celPerson({ age: 43, sex: 'F', monthlyIncomeFen: 30_000 }),
    celPerson({ age: 12, disabilityGrade: 2, disabilityCategory: 5, inEducation: true }),
  ],
});

const evaluate = (expression: string, ctx = householdContext(family)) =>
  compilePolicyExpression(expression)(ctx);

describe('compilePolicyExpression evaluates over the context', () => {
  it.each([
    ['household.size == 3', true],
    ['household.perCapitaIncomeFen == 40000', true],
    ['household.perCapitaIncomeFen < household.dibaoStandardFen', true],
    ['household.incomeRatio == 0.5 && household.incomeRatio < 1', true],
    ["'DIBAO' in household.activeSchemes", true],
    ["!('DIBAO' in household.activeSchemes)", false],
    ["household.area == 'rural' && household.villageCode.startsWith(household.townCode)", true],
    ['household.members.exists(m, m.age < 18 && m.disabilityGrade > 0 && m.inEducation)', true],
    ['household.members.all(m, m.age >= 18)', false],
    ['household.members.exists_one(m, m.isHead)', true],
    ['household.members.filter(m, m.monthlyIncomeFen > 0).size() == 2', true],
    ['household.members.map(m, m.age).exists(a, a == 45)', true],
    ['person.isHead && person.unemployed && person.age == 45', true],
    ['!household.hasVehicle', true],
    ['int(household.incomeRatio * 10.0) == 5', true],
  ])('%s → %s', (expression, expected) => {
    expect(evaluate(expression)).toEqual({ ok: true, value: expected });
  });

  it('a PERSON policy is judged for each member with the household in scope', () => {
    const child = compilePolicyExpression('person.age < 18 && person.disabilityGrade in [1, 2]');
    expect(personContexts(family).map((c) => child(c))).toEqual([
      { ok: true, value: false },
      { ok: true, value: false },
      { ok: true, value: true },
    ]);
  });

  it('a run-time failure is a value, not an exception (division by zero, missing field, non-bool)', () => {
    const zero = evaluate('household.size / (household.size - 3) > 1');
    expect(zero.ok).toBe(false);
    const { age: _a, ...noAge } = family.members[0] as CelPerson;
    const absent = compilePolicyExpression('person.age > 1')({
      household: family,
      person: noAge as CelPerson,
    });
    expect(absent.ok).toBe(false);
    expect(
      compilePolicyExpression('has(person.age)')({ household: family, person: noAge as CelPerson }),
    ).toEqual({
      ok: true,
      value: false,
    });
    expect(evaluate('household.size')).toEqual({ ok: false, error: 'the result is not a bool: 3' });
    expect(evaluate('household.size >').ok).toBe(false);
  });

  it('without a known standard no one is below it (ratio is infinite)', () => {
    const h = celHousehold({ area: 'urban', dibaoStandardFen: 0, members: [celPerson({ age: 70 })] });
    expect(evaluate('household.incomeRatio < 1.0', householdContext(h))).toEqual({ ok: true, value: false });
  });
});

const int = fc.integer({ min: 0, max: 10_000_000 });

describe('evaluation agrees with plain arithmetic (property)', () => {
  it('household.perCapitaIncomeFen <= household.dibaoStandardFen is the JS comparison', () => {
    const f = compilePolicyExpression('household.perCapitaIncomeFen <= household.dibaoStandardFen');
    fc.assert(
      fc.property(int, int, (income, standard) => {
        const h = celHousehold({
          area: 'urban',
          dibaoStandardFen: standard,
          monthlyIncomeFen: income,
          members: [celPerson({ age: 40 })],
        });
        expect(f(householdContext(h))).toEqual({ ok: true, value: income <= standard });
      }),
    );
  });

  it('a && b is never true when a is false, and a || b never false when a is true', () => {
    const and = compilePolicyExpression(
      'person.age >= 60 && person.monthlyIncomeFen < household.dibaoStandardFen',
    );
    const or = compilePolicyExpression(
      'person.age >= 60 || person.monthlyIncomeFen < household.dibaoStandardFen',
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), int, int, (age, income, standard) => {
        const h = celHousehold({
          area: 'rural',
          dibaoStandardFen: standard,
          members: [celPerson({ age, monthlyIncomeFen: income })],
        });
        const ctx = householdContext(h);
        const a = age >= 60;
        const b = income < standard;
        expect(and(ctx)).toEqual({ ok: true, value: a && b });
        expect(or(ctx)).toEqual({ ok: true, value: a || b });
      }),
    );
  });

  it('exists over the members is Array.some, all is Array.every', () => {
    const some = compilePolicyExpression('household.members.exists(m, m.age >= 60 && m.disabilityGrade > 0)');
    const every = compilePolicyExpression('household.members.all(m, m.age >= 60 || m.disabilityGrade > 0)');
    const member = fc.record({
      age: fc.integer({ min: 0, max: 100 }),
      grade: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 8 }), (ms) => {
        const h = celHousehold({
          area: 'urban',
          dibaoStandardFen: STANDARD,
          members: ms.map((m) => celPerson({ age: m.age, disabilityGrade: m.grade })),
        });
        const ctx = householdContext(h);
        expect(some(ctx)).toEqual({ ok: true, value: ms.some((m) => m.age >= 60 && m.grade > 0) });
        expect(every(ctx)).toEqual({ ok: true, value: ms.every((m) => m.age >= 60 || m.grade > 0) });
      }),
    );
  });
});
