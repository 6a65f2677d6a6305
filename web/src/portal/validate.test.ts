import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigit, checkIdNumber } from '../../../server/rules/id-number.ts';
import { idCheckChar, idNumberIssue, isMobile, isOtpCode } from './validate.ts';

describe('identity number (GB 11643-1999)', () => {
  it('accepts the examples of the standard, with a lower-case x too', () => {
    expect(idNumberIssue('11010519491231002X')).toBeNull();
    expect(idNumberIssue('11010519491231002x')).toBeNull();
    expect(idNumberIssue(' 440524188001010014 ')).toBeNull();
  });

  it.each([
    ['1101051949123100', 'length', 'too short'],
    ['110105194912310021X', 'length', 'too long'],
    ['110105194912310002', 'check_digit', 'wrong check character'],
    ['11010519491231002Y', 'format', 'a letter other than X'],
    ['1101051949123X002X', 'format', 'X before the end'],
    ['110105194902300021', 'birth_date', 'February 30th'],
    ['110105190002290021', 'birth_date', '1900 is not a leap year'],
  ] as const)('rejects %s: %s (%s)', (id, issue, _why) => {
    expect(idNumberIssue(id)).toBe(issue);
  });

  it('computes the same check character as the server (ISO 7064 MOD 11-2)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        expect(idCheckChar(first17)).toBe(checkDigit(first17));
      }),
    );
  });

  it('agrees with the server on every 18-character number it is given', () => {
    const id = fc
      .tuple(
        fc.stringMatching(/^\d{6}$/),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
        fc.constantFrom(...'0123456789X'),
      )
      .map(([area, d, seq, c]) => `${area}${d.toISOString().slice(0, 10).replaceAll('-', '')}${seq}${c}`);
    fc.assert(
      fc.property(id, (s) => {
        expect(idNumberIssue(s) === null).toBe(checkIdNumber(s).ok);
      }),
    );
  });
});

describe('phone and code', () => {
  it('takes 11-digit mainland mobiles only', () => {
    expect(isMobile('13812345678')).toBe(true);
    expect(isMobile(' 19912345678 ')).toBe(true);
    expect(isMobile('12812345678')).toBe(false);
    expect(isMobile('1381234567')).toBe(false);
    expect(isMobile('0538-8221234')).toBe(false);
  });
  it('takes a 6-digit verification code', () => {
    expect(isOtpCode('012345')).toBe(true);
    expect(isOtpCode('12345')).toBe(false);
    expect(isOtpCode('12345a')).toBe(false);
  });
});
