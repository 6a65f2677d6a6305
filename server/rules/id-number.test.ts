import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, checkDigit, checkIdNumber, convert15to18, isIsoDate, makeIdNumber } from './id-number.ts';

// The 17 leading digits of a number whose date is impossible, completed with a correct check character,
// so that only the date rule can fail.
const withCheck = (first17: string): string => first17 + checkDigit(first17);

describe('checkIdNumber: valid numbers', () => {
  it.each([
    // src: GB 11643 §11.1 verified vector
    {
      input: '11010519491231002X',
      value: '11010519491231002X',
      birth: '1949-12-31',
      sex: 2,
      src: '§11.1 [V2]',
    },
    // src: GB 11643 §11.1 verified vector
    {
      input: '440524188001010014',
      value: '440524188001010014',
      birth: '1880-01-01',
      sex: 1,
      src: '§11.1 [V2]',
    },
    // src: GB 11643 §11.1 synthetic Tai'an vector
    { input: '370911195501010026', value: '370911195501010026', birth: '1955-01-01', sex: 2, src: '§11.1' },
    // src: GB 11643 §11.1 synthetic Tai'an vector
    { input: '370902201006150031', value: '370902201006150031', birth: '2010-06-15', sex: 1, src: '§11.1' },
    // src: GB 11643 §11.1 "accept uppercase X only (normalise lowercase)"
    { input: '11010519491231002x', value: '11010519491231002X', birth: '1949-12-31', sex: 2, src: '§11.1' },
    // src: GB 11643 §11.1; surrounding whitespace from copy-paste is trimmed
    {
      input: ' 370911195501010026\t',
      value: '370911195501010026',
      birth: '1955-01-01',
      sex: 2,
      src: '§11.1',
    },
    // src: GB 11643 §11.1 "the date must be real": 2000 is a leap year (divisible by 400)
    {
      input: withCheck('37091120000229001'),
      value: withCheck('37091120000229001'),
      birth: '2000-02-29',
      sex: 1,
      src: '§11.1',
    },
  ])('$input → $value ($src)', ({ input, value, birth, sex }) => {
    const r = checkIdNumber(input);
    expect(r).toEqual({
      ok: true,
      value,
      birthDate: birth,
      sex,
      addressCode: value.slice(0, 6),
      converted15: false,
    });
  });

  it.each([
    // src: GB 11643 §11.1 "legacy 15-digit numbers convert by inserting 19 … and appending the check character"
    { input: '110105491231002', value: '11010519491231002X', birth: '1949-12-31', src: '§11.1' },
    // src: GB 11643 §11.1 same conversion for a synthetic Tai'an number
    { input: '370911550101002', value: '370911195501010026', birth: '1955-01-01', src: '§11.1' },
  ])('15-digit $input converts to $value ($src)', ({ input, value, birth }) => {
    expect(checkIdNumber(input)).toMatchObject({ ok: true, value, birthDate: birth, converted15: true });
    expect(convert15to18(input)).toBe(value);
  });
});

describe('checkIdNumber: failures name the rule', () => {
  it.each([
    // src: GB 11643 §11.1 layout is 18 characters
    { input: '', rule: 'length', src: '§11.1' },
    // src: GB 11643 §11.1 layout is 18 characters
    { input: '3709111955', rule: 'length', src: '§11.1' },
    // src: GB 11643 §11.1 16 characters is neither layout
    { input: '3709111955010100', rule: 'length', src: '§11.1' },
    // src: GB 11643 §11.1 19 characters
    { input: '3709111955010100261', rule: 'length', src: '§11.1' },
    // src: GB 11643 §11.1 check character is a digit or X only
    { input: '37091119550101002Y', rule: 'format', src: '§11.1' },
    // src: GB 11643 §11.1 positions 1–17 are digits
    { input: 'A70911195501010026', rule: 'format', src: '§11.1' },
    // src: GB 11643 §11.1 the old 15-digit layout is all digits
    { input: '37091155010100X', rule: 'format', src: '§11.1' },
    // src: GB 11643 §11.1 "the date must be real": 30 February
    { input: withCheck('37091119990230002'), rule: 'birth_date', src: '§11.1' },
    // src: GB 11643 §11.1 1900 is not a leap year (divisible by 100, not by 400)
    { input: withCheck('37091119000229002'), rule: 'birth_date', src: '§11.1' },
    // src: GB 11643 §11.1 a 15-digit "000229" means 1900-02-29, which did not exist
    { input: '370911000229002', rule: 'birth_date', src: '§11.1' },
    // src: GB 11643 §11.1 month 13
    { input: withCheck('37091119991301002'), rule: 'birth_date', src: '§11.1' },
  ])('$input fails $rule ($src)', ({ input, rule }) => {
    const r = checkIdNumber(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rule).toBe(rule);
    expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.messageEn).toMatch(/^[\x20-\x7e]+$/);
    expect(r.expected).not.toBe('');
  });

  it.each([
    // src: GB 11643 §11.1 ISO 7064 MOD 11-2; the last char of 370911195501010026 is 6
    { input: '370911195501010027', expected: '6', src: '§11.1' },
    // src: GB 11643 §11.1 the verified vector ends in X, so a digit there is wrong
    { input: '110105194912310021', expected: 'X', src: '§11.1' },
    // src: GB 11643 §11.1 the verified vector ends in 4
    { input: '44052418800101001X', expected: '4', src: '§11.1' },
  ])('$input: check digit should be $expected ($src)', ({ input, expected }) => {
    expect(checkIdNumber(input)).toEqual({
      ok: false,
      rule: 'check_digit',
      message: `校验位错误：应为 ${expected}`,
      messageEn: `check digit is wrong: expected ${expected}`,
      expected,
    });
  });
});

describe('checkIdNumber: other id types', () => {
  const hk = makeIdNumber('810000', '1990-05-17', 21);
  it.each([
    // src: §11.1 [K] HK/Macao/Taiwan residence permits start 81/82/83, same algorithm
    { input: hk, type: 'hk_mo_tw', ok: true, rule: null, src: '§11.1 [K]' },
    // src: §11.1 [K] Macao prefix 82
    {
      input: makeIdNumber('820000', '1985-01-31', 4),
      type: 'hk_mo_tw',
      ok: true,
      rule: null,
      src: '§11.1 [K]',
    },
    // src: §11.1 [K] Taiwan prefix 83
    {
      input: makeIdNumber('830000', '1970-12-01', 999),
      type: 'hk_mo_tw',
      ok: true,
      rule: null,
      src: '§11.1 [K]',
    },
    // src: §11.1 [K] a mainland number is not a residence-permit number
    { input: '370911195501010026', type: 'hk_mo_tw', ok: false, rule: 'format', src: '§11.1 [K]' },
    // src: §11.1 [K] permits were introduced in 2018; there is no 15-digit form
    { input: '810000900517021', type: 'hk_mo_tw', ok: false, rule: 'length', src: '§11.1 [K]' },
    // src: §11.1 [K] same check algorithm as GB 11643
    {
      input: `${hk.slice(0, 17)}${hk[17] === '0' ? '1' : '0'}`,
      type: 'hk_mo_tw',
      ok: false,
      rule: 'check_digit',
      src: '§11.1 [K]',
    },
    // src: §11.1 [K] foreign permanent-residence card, old 15-character layout
    { input: 'USA330000850101', type: 'foreign', ok: true, rule: null, src: '§11.1 [K]' },
    // src: §11.1 [K] foreign permanent-residence card, 2023 18-character layout
    { input: '937840198501010018', type: 'foreign', ok: true, rule: null, src: '§11.1 [K]' },
    // src: §11.1 [K] neither 15 nor 18 characters
    { input: 'USA3300008501011', type: 'foreign', ok: false, rule: 'length', src: '§11.1 [K]' },
    // src: §11.1 [K] only letters and digits
    { input: 'USA-30000850101', type: 'foreign', ok: false, rule: 'format', src: '§11.1 [K]' },
  ] as const)('$type $input → ok=$ok ($src)', ({ input, type, ok, rule }) => {
    const r = checkIdNumber(input, type);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.rule).toBe(rule);
  });

  it('foreign cards carry no decoded birth date or sex (§11.1 [K])', () => {
    expect(checkIdNumber('usa330000850101', 'foreign')).toEqual({
      ok: true,
      value: 'USA330000850101',
      birthDate: null,
      sex: null,
      addressCode: '',
      converted15: false,
    });
  });
});

describe('ageOn', () => {
  it.each([
    // src: §3.2 / S2 Art.5(一) the 60-year threshold is reached on the birthday itself
    { birth: '1966-11-29', on: '2026-11-29', age: 60, src: 'S2 Art.5(一)' },
    { birth: '1966-11-29', on: '2026-11-28', age: 59, src: 'S2 Art.5(一)' },
    // src: [K] Feb-29 births turn a year older on 1 March in non-leap years
    { birth: '2008-02-29', on: '2026-02-28', age: 17, src: '[K]' },
    { birth: '2008-02-29', on: '2026-03-01', age: 18, src: '[K]' },
    // src: [K] in a leap year the birthday exists
    { birth: '2008-02-29', on: '2028-02-29', age: 20, src: '[K]' },
    { birth: '2008-02-29', on: '2028-02-28', age: 19, src: '[K]' },
    // src: §3.2 minors are under 18 (民法典 Art.17 [K])
    { birth: '2008-06-15', on: '2026-06-14', age: 17, src: '§3.2' },
    { birth: '2008-06-15', on: '2026-06-15', age: 18, src: '§3.2' },
    { birth: '2026-01-01', on: '2026-01-01', age: 0, src: '§3.2' },
  ])('born $birth is $age on $on ($src)', ({ birth, on, age }) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it.each([
    { birth: '2026-01-02', on: '2026-01-01', src: 'an age cannot be negative' },
    { birth: '1999-02-30', on: '2026-01-01', src: '§11.1 the date must be real' },
    { birth: '1999-01-01', on: '20260101', src: 'dates are YYYY-MM-DD strings' },
  ])('throws for $birth on $on ($src)', ({ birth, on }) => {
    expect(() => ageOn(birth, on)).toThrow(RangeError);
  });
});

const dateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const addressArb = fc.stringMatching(/^[1-8]\d{5}$/);

describe('properties (GB 11643 §11.1)', () => {
  it('makeIdNumber output always validates and round-trips date and sex', () => {
    fc.assert(
      fc.property(addressArb, dateArb, fc.integer({ min: 0, max: 999 }), (addr, birth, seq) => {
        const id = makeIdNumber(addr, birth, seq);
        const r = checkIdNumber(id.toLowerCase());
        expect(r).toEqual({
          ok: true,
          value: id,
          birthDate: birth,
          sex: seq % 2 === 1 ? 1 : 2,
          addressCode: addr,
          converted15: false,
        });
      }),
    );
  });

  it('any single-digit change in the first 17 is rejected (MOD 11-2 catches all substitutions)', () => {
    fc.assert(
      fc.property(
        addressArb,
        dateArb,
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (addr, birth, seq, pos, delta) => {
          const id = makeIdNumber(addr, birth, seq);
          const digit = (Number(id[pos]) + delta) % 10;
          const mutated = id.slice(0, pos) + digit + id.slice(pos + 1);
          expect(checkIdNumber(mutated).ok).toBe(false);
        },
      ),
    );
  });

  it('a 15-digit number converts to an 18-digit number with the same date', () => {
    const oldDate = dateArb.filter((d) => d.startsWith('19'));
    fc.assert(
      fc.property(addressArb, oldDate, fc.integer({ min: 0, max: 999 }), (addr, birth, seq) => {
        const id15 = addr + birth.slice(2).replaceAll('-', '') + String(seq).padStart(3, '0');
        const r = checkIdNumber(id15);
        expect(r).toMatchObject({ ok: true, birthDate: birth, converted15: true });
        if (r.ok) expect(r.value).toBe(makeIdNumber(addr, birth, seq));
      }),
    );
  });

  it('ageOn never decreases as the date moves forward', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (a, b, c) => {
        const [birth, d1, d2] = [a, b, c].sort();
        expect(ageOn(birth!, d1!)).toBeLessThanOrEqual(ageOn(birth!, d2!));
      }),
    );
  });

  it('isIsoDate agrees with the JavaScript (proleptic Gregorian) calendar', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 1800, max: 2100 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const js = new Date(Date.UTC(y, m - 1, d));
          const real = m >= 1 && d >= 1 && js.getUTCMonth() === m - 1 && js.getUTCDate() === d;
          expect(isIsoDate(iso)).toBe(real);
        },
      ),
    );
  });
});
